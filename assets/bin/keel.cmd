@echo off
:: keel: Keel's command line, run on the Electron runtime inside the installed app
:: (no Node.js needed). Lives in <install folder>\resources\bin; add that folder to PATH.
setlocal
set "ELECTRON_RUN_AS_NODE=1"
"%~dp0..\..\Keel.exe" "%~dp0..\app.asar\dist\cli\keel.cjs" %*
endlocal & exit /b %ERRORLEVEL%
