export { createTestDb, type TestDb } from './test-db';
export { uniqueName, adminUrl, databaseUrlFor } from './names';
export * from './factories';
export { racesForReal, raceTitle } from './race';
