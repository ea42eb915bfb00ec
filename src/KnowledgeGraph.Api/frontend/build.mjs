// Bundles the explorer and the GraphiQL page into ../wwwroot/dist (git-ignored).
// Run by Frontend.targets on `dotnet build`, or by hand with `npm run build`.
import * as esbuild from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const outdir = fileURLToPath(new URL('../wwwroot/dist/', import.meta.url));
const production = process.env.NODE_ENV !== 'development';

await rm(outdir, { recursive: true, force: true });

const common = {
  bundle: true,
  minify: production,
  sourcemap: true,
  target: ['es2022'],
  logLevel: 'warning',
  legalComments: 'linked',
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file' },
  assetNames: 'assets/[name]-[hash]',
};

const results = await Promise.allSettled([
  // The explorer: one ES module (cytoscape and our code) and its stylesheet.
  esbuild.build({
    ...common,
    entryPoints: { explorer: 'src/explorer/main.ts' },
    outdir,
    format: 'esm',
  }),
  // GraphiQL: React, Monaco and the lazily loaded formatter plugins, split into chunks.
  esbuild.build({
    ...common,
    entryPoints: { graphiql: 'src/graphiql/main.tsx' },
    outdir,
    format: 'esm',
    splitting: true,
    sourcemap: false,
    chunkNames: 'chunks/[name]-[hash]',
    jsx: 'automatic',
  }),
  // GraphiQL's editor (Monaco) runs its language services in web workers; each is its own classic script.
  esbuild.build({
    ...common,
    entryPoints: {
      'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
      'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
      'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
    },
    outdir: outdir + 'workers',
    format: 'iife',
    sourcemap: false,
  }),
]);
for (const result of results) {
  if (result.status === "rejected") {
    console.error(result.reason);
    process.exitCode = 1;
  }
}
