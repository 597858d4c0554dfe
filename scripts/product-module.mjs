// Imports a TypeScript module of the product into a Node script, bundled with esbuild (installed
// with Vite and WXT), so generators run the same code the extension and the tests do.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function importTs(relativePath) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(ROOT, relativePath)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}
