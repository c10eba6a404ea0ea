import { EntityManager } from 'typeorm';
import { Settings } from '../../entities/settings.entity';

/** The single settings row (id 1, created by the initial migration). */
export async function getSettings(manager: EntityManager): Promise<Settings> {
  return manager.getRepository(Settings).findOneByOrFail({ id: 1 });
}
