// Runs the browser tests against e2e/stub-server.mjs (no Java server needed): `npm run e2e:stub`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { STUB_ADMIN_TOKEN, startStubServer } from './stub-server.mjs';

const server = await startStubServer(0);
const serverBackend = await startStubServer(0, { backend: 'server' });
const unconfigured = await startStubServer(0, { configured: false });
const base = `http://127.0.0.1:${server.address().port}`;
// Asynchronous spawn: the stub server lives in this process and must keep answering.
const child = spawn(process.execPath, [fileURLToPath(new URL('browser-tests.mjs', import.meta.url))], {
  stdio: 'inherit',
  env: { ...process.env, BASE_URL: base, ADMIN_TOKEN: STUB_ADMIN_TOKEN, CONTROL_URL: `${base}/__control`, SERVER_BACKEND_URL: `http://127.0.0.1:${serverBackend.address().port}`, UNCONFIGURED_URL: `http://127.0.0.1:${unconfigured.address().port}`, SHOT_DIR: process.env.SHOT_DIR ?? 'target/browser-screenshots' },
});
const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
server.close();
serverBackend.close();
unconfigured.close();
process.exit(code);
