from psycopg2 import pool

print(pool.SimpleConnectionPool)
