// Migrations of the preferences schema, in order. Hand-written SQL; table names are unqualified
// (the connection's search_path is the service's schema).
import type { MigrationInterface } from 'typeorm';
import { CreatePreferences1732460000000 } from './1732460000000-create-preferences';
import { AddressOptOuts1732480000000 } from './1732480000000-address-opt-outs';
import { MemberAttributes1732500000000 } from './1732500000000-member-attributes';
import { MemberErasures1732530000000 } from './1732530000000-member-erasures';
import { OptOutPositions1732540000000 } from './1732540000000-opt-out-positions';
import { MemberCreateKeys1732550000000 } from './1732550000000-member-create-keys';

export const migrations: Array<new () => MigrationInterface> = [
  CreatePreferences1732460000000,
  AddressOptOuts1732480000000,
  MemberAttributes1732500000000,
  MemberErasures1732530000000,
  OptOutPositions1732540000000,
  MemberCreateKeys1732550000000,
];
