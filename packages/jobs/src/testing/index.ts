export * from './local-push-service';
