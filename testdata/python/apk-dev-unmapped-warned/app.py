import gmpy2
print(gmpy2.mpz(2) ** 100)
