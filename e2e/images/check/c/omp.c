/* Needs libgomp and libgcc_s at run time: present in cc-debian13, absent from base-debian13. */
#include <omp.h>
#include <stdio.h>

int main(void) {
	int n = 0;
#pragma omp parallel reduction(+ : n)
	n += 1;
	printf("openmp threads: %s\n", n >= 1 ? "ok" : "none");
	return 0;
}
