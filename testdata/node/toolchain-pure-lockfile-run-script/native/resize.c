#include <stdio.h>

int main(void) {
	puts("resized");
	return 0;
}
