import express from 'express';
import { notes } from './routes';
const app = express();
app.use('/notes', notes);
app.listen(8081);
