module hello

go 1.20

require github.com/gin-gonic/gin v1.9.1
