import { PrismaClient } from '@prisma/client';

// $connect loads the query engine library, which links libssl.
const prisma = new PrismaClient();
prisma.$connect().then(() => console.log('connected'));
