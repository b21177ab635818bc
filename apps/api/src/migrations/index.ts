// Migrations of the api schema, in order. Hand-written SQL; table names are unqualified
// (the connection's search_path is the service's schema).
import type { MigrationInterface } from 'typeorm';

export const migrations: Array<new () => MigrationInterface> = [];
