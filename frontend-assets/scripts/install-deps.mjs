// `npm ci`, but only when package-lock.json (or the Node version) changed since the last install, so a
// repeated Maven build does not spend seconds reinstalling identical node_modules.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const marker = 'node_modules/.interview-lock-hash';
const hash = createHash('sha256').update(readFileSync('package-lock.json')).update(process.version).digest('hex');

if (existsSync(marker) && readFileSync(marker, 'utf8') === hash) {
  console.log('[frontend] node_modules matches package-lock.json, skipping npm ci');
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (result.status !== 0) {
  console.error(`[frontend] npm ci failed (exit ${result.status ?? result.error}); see the npm output above.`);
  process.exit(result.status ?? 1);
}
writeFileSync(marker, hash);
