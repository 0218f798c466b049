from thongsuot.cli.main import main

main()
