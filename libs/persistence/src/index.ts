export * from './errors';
export * from './persistence.module';
export * from './sql';
export { InjectRepository, InjectDataSource } from '@nestjs/typeorm';
export * from './rows';
export * from './reads';
export * from './workspace-row';
