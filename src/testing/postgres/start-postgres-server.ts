/**
 * A throwaway PostgreSQL server for tests: `initdb` into a temp dir, `pg_ctl start` on a free loopback port (trust
 * auth, fsync off), torn down by `stop()`. The server refuses to run as root, so as root it runs as the `postgres`
 * user (`runuser`). Returns undefined, with the reason, when the binaries are missing (callers skip).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running server. */
export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  connectionString: string;
  /** Major version and binaries used. */
  version: string;
  stop(): Promise<void>;
}

/** Options of {@link startPostgresServer}. */
export interface StartPostgresServerOptions {
  /** Directory of initdb/pg_ctl. @default $FATHOM_PG_BIN or /usr/lib/postgresql/15/bin */
  binDir?: string;
  /** Server `max_connections`. @default 60 */
  maxConnections?: number;
}

/** Why the server cannot start here (binaries missing), or undefined when it can. */
export function postgresServerUnavailable(binDir = process.env.FATHOM_PG_BIN ?? '/usr/lib/postgresql/15/bin'): string | undefined {
  for (const tool of ['initdb', 'pg_ctl', 'postgres']) {
    if (!existsSync(join(binDir, tool))) return `PostgreSQL server binaries not found (${join(binDir, tool)}): install postgresql-15 (apt-get install postgresql-15) or set FATHOM_PG_BIN`;
  }
  if (process.getuid?.() === 0) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'pipe' });
    } catch {
      return 'running as root, and there is no `postgres` user to run the server as';
    }
  }
  return undefined;
}

export async function startPostgresServer(options: StartPostgresServerOptions = {}): Promise<PostgresServer> {
  const { binDir = process.env.FATHOM_PG_BIN ?? '/usr/lib/postgresql/15/bin', maxConnections = 60 } = options;
  const reason = postgresServerUnavailable(binDir);
  if (reason) throw new Error(reason);
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'fathom-pg-'));
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = root ? ['runuser', ['-u', 'postgres', '--', join(binDir, tool), ...args]] : [join(binDir, tool), args];
    return execFileSync(cmd, argv, { stdio: 'pipe', cwd: dir }).toString();
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await _freePort();
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=${maxConnections}`;
  run('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const version = run('postgres', ['--version']).trim();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once('exit', () => void stop().catch(() => {})); // never leave a server behind a crashed test run
  return { connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`, version, stop };
}

function _freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
