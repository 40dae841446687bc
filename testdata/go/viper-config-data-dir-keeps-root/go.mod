module example.com/store

go 1.22

require github.com/spf13/viper v1.18.2
