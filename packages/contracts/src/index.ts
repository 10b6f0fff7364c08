export * from './envelope';
export * from './altegio/auth';
export * from './altegio/locations';
