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
        const isBoot = (id: string | null) => id?.endsWith('/src-renderer/boot.tsx') ?? false;
        const boot = chunks.find((c) => isBoot(c.facadeModuleId) || c.moduleIds.some(isBoot));
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

/**
 * Everything boot.tsx imports statically, in one chunk (and its styles in one sheet): the window
 * needs all of it before the first frame anyway, and each extra file is another request the
 * page waits on (the preview serves them over HTTP/1.1, six at a time). Modules only lazy views
 * use stay in their views' chunks. The set is worked out from the module graph once it is
 * complete (buildEnd), before chunks are made, less what the entry itself imports.
 */
function bootChunk(): { plugin: Plugin; test: (id: string) => boolean } {
  let members: Set<string> | undefined;
  const plugin: Plugin = {
    name: 'keel-boot-chunk',
    apply: 'build',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const staticGraph = (suffix: string) => {
        const start = ids.find((id) => id.endsWith(suffix));
        if (!start) throw new Error(`keel-boot-chunk: ${suffix} is not in the build`);
        const found = new Set<string>();
        const queue = [start];
        while (queue.length > 0) {
          const id = queue.pop() as string;
          if (found.has(id)) continue;
          found.add(id);
          queue.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
        return found;
      };
      // What the entry (main.tsx) imports itself stays in the entry: it runs before boot loads.
      const entry = staticGraph('/src-renderer/main.tsx');
      const found = new Set([...staticGraph('/src-renderer/boot.tsx')].filter((id) => !entry.has(id)));
      members = found;
    },
  };
  return { plugin, test: (id) => members?.has(id) ?? false };
}

const boot = bootChunk();

export default defineConfig({
  root: 'src-renderer',
  // Relative asset URLs: the same build is served by app://keel and by the preview.
  base: './',
  plugins: [react(), preloadBoot(), boot.plugin],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    // Keel's CSP has no 'unsafe-inline' for scripts: never inline a module preload polyfill.
    modulePreload: {
      polyfill: false,
      // boot.tsx's files and styles are in index.html already (preloadBoot): main.tsx's import of it
      // need not add them again at run time. Lazy views keep their preloads.
      resolveDependencies: (file, deps) => (/(^|\/)boot-[\w-]+\.js$/.test(file) ? [] : deps),
    },
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React in a file of its own beside boot's: the browser compiles the two at once.
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              priority: 20,
              includeDependenciesRecursively: false,
            },
            { name: 'boot', test: boot.test, priority: 10, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
});
