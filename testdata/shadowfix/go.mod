module example.com/shadowfix

go 1.26.0
