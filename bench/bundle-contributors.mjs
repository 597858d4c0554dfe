// What makes up a built script, gzipped: for each source module, how many bytes the gzipped script
// would lose without that module's generated code (its marginal cost: gzip shares a dictionary
// across modules, so the parts do not add up to the whole). Reads the build's source map.
// Usage: PCR_SOURCEMAP=1 npx wxt build && node bench/bundle-contributors.mjs [script] [rows]
//   script defaults to .output/chrome-mv3/content-scripts/content.js
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(import.meta.dirname, '..');
const file = path.resolve(ROOT, process.argv[2] ?? '.output/chrome-mv3/content-scripts/content.js');
const rows = Number(process.argv[3] ?? 30);
const code = readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '');
const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** The source-map "mappings" field: per generated line, segments of [column, source index]. */
function segments(mappings) {
  const out = [];
  let source = 0;
  mappings.split(';').forEach((line, lineIndex) => {
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      out.push({ line: lineIndex, column, source: fields.length > 1 ? source : -1 });
    }
  });
  return out;
}

const lineStarts = [0];
for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
const owner = new Int32Array(code.length).fill(-1);
const segs = segments(map.mappings);
segs.forEach((s, i) => {
  const next = segs[i + 1];
  const from = lineStarts[s.line] + s.column;
  const to = next ? lineStarts[next.line] + next.column : code.length;
  owner.fill(s.source, from, Math.min(to, code.length));
});

const gz = (text) => gzipSync(text, { level: 9 }).length;
const total = gz(code);
const name = (i) =>
  i < 0 ? '(unmapped)' : map.sources[i].replace(/.*node_modules\//, 'npm:').replace(/^(\.\.\/)+/, '');
const results = [];
for (const source of new Set(owner)) {
  let rest = '';
  let raw = 0;
  for (let k = 0; k < code.length; k++)
    if (owner[k] === source) raw++;
    else rest += code[k];
  results.push({ name: name(source), raw, marginal: total - gz(rest) });
}
results.sort((a, b) => b.marginal - a.marginal);
console.log(`${path.relative(ROOT, file)}: ${code.length} bytes, ${total} gzipped (-9)`);
console.log('gzip cost   bytes  module');
for (const r of results.slice(0, rows))
  console.log(`${String(r.marginal).padStart(9)} ${String(r.raw).padStart(7)}  ${r.name}`);
