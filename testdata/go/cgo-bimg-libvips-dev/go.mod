module resizer

go 1.24

require github.com/h2non/bimg v1.1.9
