HELP = 'chroot jails are set up by the host, see docs/sandbox.md'


def main():
    print(HELP)


main()
