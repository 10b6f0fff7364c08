import { connect } from '@visita/db';
import { buildApp } from './app';
import { loadConfig } from './config';

/** Builds the app against a throw-away in-memory database and asks it for its OpenAPI document. */
export async function buildOpenApiDocument(): Promise<unknown> {
  const db = await connect({});
  const config = { ...loadConfig({}), rateLimit: [] };
  const app = await buildApp({ db, config, logger: false });
  await app.ready();
  const document = app.swagger();
  await app.close();
  await db.close();
  return document;
}
