export * from './errors';
export * from './persistence.module';
export { InjectRepository, InjectDataSource } from '@nestjs/typeorm';
