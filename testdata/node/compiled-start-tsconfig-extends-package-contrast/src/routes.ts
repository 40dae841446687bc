import { Router } from 'express';
export const notes = Router();
notes.get('/', (_req, res) => { res.json([]); });
