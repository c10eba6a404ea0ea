import { DataSource } from 'typeorm';
import { User } from '../../entities/user.entity';
import { DEMO_DATA } from './demo-data';
import { applySeed } from './seed.service';

/** Seeds the demo company into an empty database; returns false (and changes nothing) when data exists. */
export async function seedDemoIfEmpty(db: DataSource): Promise<boolean> {
  if ((await db.getRepository(User).count()) > 0) return false;
  await applySeed(db, DEMO_DATA);
  return true;
}
