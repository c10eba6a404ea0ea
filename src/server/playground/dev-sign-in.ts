import express, { Router } from 'express';
import { DataSource } from 'typeorm';
import { Config, DEV_JWT_SECRET } from '../../config';
import { User } from '../../entities/user.entity';
import { mintToken } from '../identity';

/**
 * Development sign-in is offered only where anyone could mint the token anyway: outside
 * production and with the published development secret (issue 18). Any real secret, or
 * production, turns it off whatever else is configured.
 */
export function devSignInEnabled(config: Config): boolean {
  return !config.production && config.jwtSecret === DEV_JWT_SECRET;
}

const MAX_USERS = 100;

/** `GET /playground/dev/users` and `POST /playground/dev/token`: the playground's "sign in as" picker. */
export function devSignInRouter(config: Config, db: DataSource): Router {
  const router = Router();
  router.get('/playground/dev/users', async (_req, res, next) => {
    try {
      const users = await db.getRepository(User).find({ where: { active: true }, order: { id: 'ASC' }, take: MAX_USERS });
      res.json(users.map((u) => ({ login: u.login, name: u.name })));
    } catch (error) {
      next(error);
    }
  });
  router.post('/playground/dev/token', express.json({ limit: '1kb' }), async (req, res, next) => {
    try {
      const login = typeof req.body?.login === 'string' ? req.body.login : '';
      const user = login ? await db.getRepository(User).findOneBy({ login, active: true }) : null;
      if (!user) return void res.status(404).json({ error: 'no active user with that login' });
      const token = await mintToken(config.jwtSecret!, user.login, {
        issuer: config.jwtIssuer, audience: config.jwtAudience, expiresIn: `${Math.min(12 * 3600, config.jwtMaxLifetimeSeconds)}s`,
      });
      res.json({ token });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
