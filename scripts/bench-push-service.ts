/**
 * The push benchmark's push service, in its own process so that its CPU (VAPID signature
 * checks, ECDH and AES-GCM decryption of every message) is not counted as the worker's.
 * Env: BENCH_DEVICES (how many), BENCH_VAPID_PUBLIC_KEY, BENCH_DEVICES_FILE (where the
 * subscriptions are written, one JSON per line). Prints `ready <url>` when listening.
 */
import { writeFile } from 'node:fs/promises';
import { startLocalPushService } from '@visita/jobs/testing';

const n = Number(process.env.BENCH_DEVICES ?? 1000);
const service = await startLocalPushService({
  vapidPublicKey: process.env.BENCH_VAPID_PUBLIC_KEY,
  keepMessages: false,
});
const lines: string[] = [];
for (let i = 0; i < n; i++) lines.push(JSON.stringify(service.createDevice().subscription));
await writeFile(process.env.BENCH_DEVICES_FILE!, lines.join('\n'));
console.log(`ready ${service.url}`);
process.on('SIGTERM', () => void service.close().then(() => process.exit(0)));
