import asyncio

SANDBOX = 'chroot --userspec=nobody / python3 -I %s'


async def evaluate(path):
    proc = await asyncio.create_subprocess_shell(SANDBOX % path, stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    return out.decode()


async def main():
    with open('/tmp/snippet.py', 'w') as f:
        f.write('print(1 + 1)\n')
    print(await evaluate('/tmp/snippet.py'))

asyncio.run(main())
