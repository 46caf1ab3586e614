// A local lint rule: import cycles that pass through a type-only import. `import-x/no-cycle` skips every
// `import type` (hard-coded), so two files that import each other's types — a cycle the code shape forbids as
// much as a value cycle — went unseen. This rule follows every relative import and re-export (value, type
// and dynamic) and reports an import of this file that leads back to it through at least one type-only edge;
// value-only cycles are left to import-x.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const specifier = /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;
const cache = new Map(); // file → { mtimeMs, edges: [{ to, type }] }

function _resolve(from, spec) {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, `${base}/index.ts`]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch { /* next */ }
  }
  return undefined;
}

function _edges(file) {
  let mtimeMs;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.edges;
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const edges = [];
  for (const m of text.matchAll(specifier)) {
    const to = _resolve(file, m[2] ?? m[3]);
    if (!to || !/\.ts$/.test(to)) continue;
    // `import { type A, type B } from` is type-only too.
    const clause = m[0];
    const type = Boolean(m[1]) || (/\{([^}]*)\}/.test(clause) && /^\s*(?:import|export)\s*\{/.test(clause.trim()) && clause.match(/\{([^}]*)\}/)[1].split(',').filter((s) => s.trim()).every((s) => /^\s*type\s/.test(s)));
    edges.push({ to, type });
  }
  cache.set(file, { mtimeMs, edges });
  return edges;
}

/** Whether `start` (imported by `file`, through an edge of kind `typeEdge`) leads back to `file` through a type edge. */
function _cycles(file, start, typeEdge) {
  const seen = new Set([`${start}|${typeEdge}`]);
  const queue = [[start, typeEdge]];
  while (queue.length > 0) {
    const [node, typed] = queue.shift();
    for (const { to, type } of _edges(node)) {
      const t = typed || type;
      if (to === file) {
        if (t) return true;
        continue;
      }
      const key = `${to}|${t}`;
      if (!seen.has(key)) {
        seen.add(key);
        queue.push([to, t]);
      }
    }
  }
  return false;
}

export const noTypeCycle = {
  meta: { type: 'problem', docs: { description: 'Forbid import cycles that pass through type-only imports (import-x/no-cycle ignores them).' }, schema: [], messages: { cycle: 'Import cycle through a type-only import: {{to}} leads back to this file. Move the shared type to the lower file (ARCHITECTURE.md).' } },
  create(context) {
    const file = context.physicalFilename;
    if (!/\.ts$/.test(file)) return {};
    return {
      Program(program) {
        const edges = _edges(file);
        const nodes = program.body.filter((n) => n.type === 'ImportDeclaration' || n.type === 'ExportNamedDeclaration' || n.type === 'ExportAllDeclaration');
        const reported = new Set();
        for (const { to, type } of edges) {
          if (reported.has(to) || !_cycles(file, to, type)) continue;
          reported.add(to);
          const node = nodes.find((n) => n.source && _resolve(file, n.source.value) === to) ?? program;
          context.report({ node, messageId: 'cycle', data: { to: to.slice(to.lastIndexOf('/src/') + 1) } });
        }
      },
    };
  },
};
