// `npm start`: serves web/ on 127.0.0.1 and prints the URL. PORT=8080 npm start picks the port.
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static_server.mjs';

const root = fileURLToPath(new URL('../web/', import.meta.url));
const port = Number(process.env.PORT ?? 8000);
try {
  const { url } = await startStaticServer({ root, port });
  console.log(`Attention Lens is served at ${url}  (Ctrl+C stops it)`);
} catch (error) {
  if (error.code === 'EADDRINUSE') {
    console.error(`Port ${port} is in use: run PORT=8001 npm start to use another.`);
    process.exit(1);
  }
  throw error;
}
