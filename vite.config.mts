import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * main.tsx starts Today's reads and then imports the window's code (boot.tsx) dynamically, so the
 * reads go out before that code is evaluated. The page still asks for that code at once: its files
 * (and its styles) are listed in index.html as module preloads, fetched beside the entry.
 */
function preloadBoot(): Plugin {
  return {
    name: 'keel-preload-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const boot = chunks.find((c) => c.facadeModuleId?.endsWith('/src-renderer/boot.tsx'));
        if (!boot) throw new Error('keel-preload-boot: no chunk for src-renderer/boot.tsx');
        const files = new Set<string>();
        const css = new Set<string>();
        const visit = (file: string) => {
          if (files.has(file)) return;
          files.add(file);
          const chunk = chunks.find((c) => c.fileName === file);
          for (const f of chunk?.viteMetadata?.importedCss ?? []) css.add(f);
          for (const next of chunk?.imports ?? []) visit(next);
        };
        visit(boot.fileName);
        const missing = (file: string) => !html.includes(`./${file}"`);
        return [
          ...[...files].filter(missing).map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          })),
          ...[...css].filter(missing).map((file) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

export default defineConfig({
  root: 'src-renderer',
  // Relative asset URLs: the same build is served by app://keel and by the preview.
  base: './',
  plugins: [react(), preloadBoot()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    // Keel's CSP has no 'unsafe-inline' for scripts: never inline a module preload polyfill.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
