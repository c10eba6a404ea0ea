import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';

const INSTALL_DB = ['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db'].find((f) => fs.existsSync(f));
const MARIADBD = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'].find((f) => fs.existsSync(f));
export const canRunOwnMariadb = () => Boolean(INSTALL_DB && MARIADBD);

const freePort = () => new Promise<number>((resolve, reject) => {
  const server = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address() as net.AddressInfo;
    server.close(() => resolve(port));
  }).on('error', reject);
});

/** A private MariaDB server (own data directory, port and socket) that a test may kill and restart. */
export class MariadbInstance {
  private process?: ChildProcess;
  private constructor(readonly dir: string, readonly port: number) {}

  static async create(): Promise<MariadbInstance> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockgate-mariadb-'));
    execFileSync(INSTALL_DB!, ['--no-defaults', `--datadir=${dir}/data`, '--user=root', '--skip-test-db', '--auth-root-authentication-method=normal'], { stdio: 'ignore' });
    const instance = new MariadbInstance(dir, await freePort());
    await instance.start();
    return instance;
  }

  get url() { return `mysql://root@127.0.0.1:${this.port}/test`; }

  async start(): Promise<void> {
    this.process = spawn(MARIADBD!, [
      '--no-defaults', `--datadir=${this.dir}/data`, `--port=${this.port}`, `--socket=${this.dir}/mariadb.sock`, '--bind-address=127.0.0.1',
      '--user=root', '--skip-grant-tables', `--pid-file=${this.dir}/mariadb.pid`, `--log-error=${this.dir}/error.log`,
      '--innodb-buffer-pool-size=32M', '--skip-log-bin', '--max-connections=100',
    ], { stdio: 'ignore' });
    for (let i = 0; i < 300; i++) {
      try {
        const conn = await createConnection({ host: '127.0.0.1', port: this.port, user: 'root' });
        await conn.end();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`MariaDB did not start: ${fs.readFileSync(`${this.dir}/error.log`, 'utf8').slice(-2000)}`);
  }

  /** SIGKILL: the database disappears mid-query, as in a crash. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGKILL'); });
  }

  async destroy(): Promise<void> {
    await this.kill();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
