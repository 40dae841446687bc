import request from 'supertest';
import app from '../src/server';

test('metrics', async () => { await request(app).get('/metrics').expect(200); });
