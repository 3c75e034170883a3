/** The origin the app's own page is served from inside Electron (a privileged custom scheme). */
export const APP_ORIGIN = 'app://keel';

export interface SenderInfo {
  url: string;
  isMainFrame: boolean;
}

/** Only the app's own page, in its main frame, may call into main. */
export function isTrustedSender(sender: SenderInfo | null | undefined, origin: string = APP_ORIGIN): boolean {
  if (!sender || !sender.isMainFrame) return false;
  try {
    const url = new URL(sender.url);
    return `${url.protocol}//${url.host}` === origin;
  } catch {
    return false;
  }
}
