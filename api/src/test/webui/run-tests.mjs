// Runs the browser tests: starts a seeded Dealwire (io.dealwire.api.webui.WebUiServer from the test
// classpath), then `node --test` on tests/, then stops the server.
// Usage: node run-tests.mjs <java executable> <test classpath>
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const chromium = process.env.DEALWIRE_CHROMIUM || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.log(`SKIPPED: web UI browser tests need Chromium at ${chromium} (apt-get install -y chromium)`);
  process.exit(0);
}
const [java, classpath] = process.argv.slice(2);
if (!java || !classpath) {
  console.error('usage: node run-tests.mjs <java executable> <test classpath>');
  process.exit(2);
}
if (!fs.existsSync(path.join(here, 'node_modules', 'playwright-core'))) {
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
  if (npm.status !== 0) {
    console.error('npm ci failed: playwright-core could not be installed');
    process.exit(1);
  }
}

const server = spawn(java, ['--add-modules', 'jdk.incubator.vector', '--enable-native-access=ALL-UNNAMED', '-Xmx1g',
  '-cp', classpath, 'io.dealwire.api.webui.WebUiServer'], { stdio: ['pipe', 'pipe', 'inherit'] });
const stop = () => { try { server.stdin.end(); } catch { /* already gone */ } };
process.on('exit', () => server.kill());

const seed = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('the seeded server did not start within 300 s')), 300_000);
  const lines = readline.createInterface({ input: server.stdout });
  lines.on('line', (line) => {
    if (line.startsWith('DEALWIRE_READY ')) {
      clearTimeout(timer);
      resolve(line.slice('DEALWIRE_READY '.length));
    } else {
      process.stdout.write(`[server] ${line}\n`);
    }
  });
  server.on('exit', (code) => reject(new Error(`the seeded server exited early (status ${code}); classpath starts with `
    + classpath.split(path.delimiter).slice(0, 3).join(path.delimiter))));
}).catch((e) => {
  console.error(e.message);
  stop();
  process.exit(1);
});

const tests = fs.readdirSync(path.join(here, 'tests')).filter((f) => f.endsWith('.test.mjs')).map((f) => path.join('tests', f));
const run = spawn(process.execPath, ['--test', '--test-concurrency=1', ...tests], {
  cwd: here, stdio: 'inherit', env: { ...process.env, DEALWIRE_SEED: seed, DEALWIRE_CHROMIUM: chromium },
});
const status = await new Promise((resolve) => run.on('exit', (code) => resolve(code ?? 1)));
stop();
await new Promise((resolve) => {
  const t = setTimeout(() => { server.kill(); resolve(); }, 20_000);
  server.on('exit', () => { clearTimeout(t); resolve(); });
});
process.exit(status);
