import { Injectable } from '@nestjs/common';
import { InjectRepository, isUniqueViolation } from '@app/persistence';
import { AppError } from '@app/contracts';
import { Not, type Repository } from 'typeorm';
import { UserEntity } from './user.entity';

/** The users table. */
@Injectable()
export class UserStore {
  constructor(@InjectRepository(UserEntity) private readonly repo: Repository<UserEntity>) {}

  async insert(user: UserEntity): Promise<void> {
    try {
      await this.repo.insert(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', 'A user with this email already exists.');
      throw error;
    }
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ email });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  list(): Promise<UserEntity[]> {
    return this.repo.find({ order: { email: 'ASC' }, take: 10_000 });
  }

  countActiveAdminsBut(id: string): Promise<number> {
    return this.repo.countBy({ role: 'admin', disabled: false, id: Not(id) });
  }

  async save(user: UserEntity): Promise<void> {
    await this.repo.save(user);
  }

  async delete(id: string): Promise<void> {
    await this.repo.delete({ id });
  }
}
