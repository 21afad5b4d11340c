/*
 * A throwaway Postgres cluster for tests and benchmarks: Debian's `postgresql` package
 * (installed by .ci/run), initdb into a temporary folder, listening on 127.0.0.1 on a free
 * port, removed on stop. As root, the server runs as the `postgres` user, as it requires.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PostgresCluster {
  /** A superuser URL for the `postgres` database, e.g. postgres://postgres@127.0.0.1:54321/postgres. */
  url: string;
  port: number;
  /** The URL of another database of this cluster, or of the same one under a search_path. */
  urlFor(database: string, options?: { schema?: string }): string;
  stop(): void;
}

/** The newest installed server's binaries, e.g. /usr/lib/postgresql/15/bin. */
function postgresBinaries(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((name) => existsSync(path.join(root, name, 'bin', 'initdb'))) : [];
  const newest = versions.sort((left, right) => Number(right) - Number(left))[0];
  if (newest === undefined) {
    throw new Error('Postgres is not installed: these tests need Debian\'s postgresql package. Install it with `apt-get install -y postgresql` (.ci/run does this).');
  }
  return path.join(root, newest, 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinaries();
  const folder = mkdtempSync(path.join(tmpdir(), 'briefing-postgres-'));
  const dataDir = path.join(folder, 'data');
  const owner = postgresUser();
  if (owner) chownSync(folder, owner.uid, owner.gid);
  // As root the server refuses to run: run it as the postgres user.
  const run = (command: string, args: string[]) => {
    const [file, argv] = owner ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]] : [path.join(bin, command), args];
    const result = spawnSync(file, argv, { encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) throw new Error(`${command} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
  };
  const port = await freePort();
  try {
    run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    // Durability is not what a test measures: skipping fsync keeps the cluster fast on a busy machine.
    const serverOptions = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    run('pg_ctl', ['-D', dataDir, '-l', path.join(folder, 'server.log'), '-o', serverOptions, '-w', '-t', '30', 'start']);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  const urlFor = (database: string, options: { schema?: string } = {}) =>
    `postgres://postgres@127.0.0.1:${port}/${database}${options.schema ? `?options=${encodeURIComponent(`-c search_path=${options.schema}`)}` : ''}`;
  let stopped = false;
  return {
    url: urlFor('postgres'),
    port,
    urlFor,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
