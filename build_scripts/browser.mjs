// Launches Debian's Chromium through playwright-core (browser downloads are not possible
// here, so the system browser is used). Shared by the browser tests and the benchmark.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run build_scripts/bootstrap.sh (it installs Debian's chromium).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync',
      // This machine has no network: without these Chromium keeps trying to reach its services.
      '--disable-background-networking', '--disable-component-update',
    ],
  });
}
