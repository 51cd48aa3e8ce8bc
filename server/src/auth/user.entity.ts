import { EntitySchema } from 'typeorm';
import type { Seat } from '@uitstroom/shared';

export interface User {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  seat: Seat;
  passwordHash: string | null;
  isActive: boolean;
  createdAt: Date;
  version: number;
}

export const UserEntity = new EntitySchema<User>({
  name: 'User',
  tableName: 'app_user',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    organisationId: { type: 'uuid', name: 'organisation_id' },
    email: { type: 'text' },
    displayName: { type: 'text', name: 'display_name' },
    seat: { type: 'text' },
    passwordHash: { type: 'text', name: 'password_hash', nullable: true },
    isActive: { type: 'boolean', name: 'is_active', default: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    version: { type: 'integer', version: true },
  },
});
