module example.com/convert

go 1.22

require gopkg.in/gographics/imagick.v3 v3.5.1
