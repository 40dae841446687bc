package fixture

// #include <stdlib.h>
import "C"
