// Package families whose members share a prefix and a base (X11 libraries, Python and Perl modules, Qt/KDE).
// Each line is `name version [outputs] [deps]`; deps name family members or, failing that, top-level attrs.

/** One family of packages; members get attrs `<key>.<name>`. */
export interface FamilySpec {
  key: string;
  /** Prepended to each member's name to make its pname (e.g. python3.12-). */
  pnamePrefix: string;
  /** Attrs every member depends on. */
  baseDeps: string[];
  /** How many members (from the top) the demo preset holds; the rest are large-only. */
  demoCount: number;
  /** Size range in KiB for members, picked per name. */
  sizeKiB: [number, number];
  /** Up to this many extra dependencies on earlier members, picked per name. */
  randomDeps: number;
  /** Members go into environment.systemPackages (a desktop environment's applications). */
  systemPackages?: boolean;
  rows: string;
}

/** X11 client libraries and tools (attrs xorg.*). */
export const xorgFamily: FamilySpec = {
  key: 'xorg',
  pnamePrefix: '',
  baseDeps: [],
  demoCount: 33,
  sizeKiB: [60, 2400],
  randomDeps: 1,
  rows: `
libXau 1.0.12 out,dev
libXdmcp 1.1.5 out,dev,doc
libxcb 1.17.0 out,dev,man,doc libXau,libXdmcp
libX11 1.8.10 out,dev,man libxcb
libXext 1.3.6 out,dev,man,doc libX11
libXrender 0.9.12 out,dev libX11
libXfixes 6.0.1 out,dev libX11
libXi 1.8.2 out,dev,man,doc libX11,libXext,libXfixes
libXrandr 1.5.4 out,dev libX11,libXext,libXrender
libXcursor 1.2.3 out,dev libX11,libXrender,libXfixes
libXinerama 1.1.5 out,dev libX11,libXext
libXcomposite 0.4.6 out,dev libX11,libXfixes
libXdamage 1.1.6 out,dev libX11,libXfixes
libXtst 1.2.5 out,dev libX11,libXext,libXi
libXScrnSaver 1.2.4 out,dev libX11,libXext
libXxf86vm 1.1.5 out,dev libX11,libXext
libXpm 3.5.17 bin,out,dev libX11
libICE 1.1.1 out,dev,doc
libSM 1.2.4 out,dev,doc libICE,util-linux
libXt 1.3.1 out,dev,devdoc libX11,libSM,libICE
libXmu 1.2.1 out,dev,doc libXt,libXext
libXaw 1.0.16 out,dev,devdoc libXmu,libXpm
libXft 2.3.8 out,dev libXrender,fontconfig,freetype
libxshmfence 1.3.2 out,dev
libXres 1.2.2 out,dev libX11,libXext
libXv 1.0.13 out,dev libX11,libXext
libxkbfile 1.1.3 out,dev libX11
libfontenc 1.1.8 out,dev zlib
libXfont2 2.0.7 out,dev libfontenc,freetype
xcbutil 0.4.1 out,dev libxcb
xcbutilwm 0.4.2 out,dev libxcb
xcbutilimage 0.4.1 out,dev libxcb,xcbutil
xprop 1.2.8 out,man libX11
xcbutilkeysyms 0.4.1 out,dev libxcb
xcbutilrenderutil 0.3.10 out,dev libxcb
xcbutilcursor 0.1.5 out,dev libxcb,xcbutilimage,xcbutilrenderutil
libXvMC 1.0.14 out,dev libXv
xkeyboardconfig 2.43 out
xauth 1.1.3 out,man libX11,libXau,libXext,libXmu
xrandr 1.5.3 out,man libXrandr,libXrender
xrdb 1.2.2 out,man libX11,libXmu
xset 1.2.5 out,man libX11,libXmu,libXext
xsetroot 1.1.3 out,man libX11,libXmu,libXcursor
xdpyinfo 1.3.4 out,man libX11,libXext,libXtst,libXi,libXrender,libXcomposite,libXinerama
xev 1.2.6 out,man libX11,libXrandr
xmodmap 1.0.11 out,man libX11
setxkbmap 1.3.4 out,man libX11,libxkbfile
xkbcomp 1.4.7 out,dev,man libX11,libxkbfile
xinput 1.6.4 out,man libX11,libXi,libXinerama,libXrandr
xorgserver xorg-server 21.1.16 out,dev libXfont2,libxkbfile,libXau,libXdmcp,libxshmfence,pixman,libdrm,mesa,libepoxy,systemd,openssl,xkbcomp,xkeyboardconfig
xwayland 24.1.6 out,dev libXfont2,libxkbfile,libxshmfence,pixman,libdrm,mesa,libepoxy,wayland,libxcvt
libxcvt 0.1.3 out,dev
xf86inputlibinput xf86-input-libinput 1.5.0 out,dev libinput,xorgserver
libinput 1.27.1 bin,out,dev systemd,libevdev,mtdev,libwacom
libevdev 1.13.3 out,dev
mtdev 1.1.7 out,dev
libwacom 2.14.0 out,dev glib,libgudev,libxml2
xf86videofbdev xf86-video-fbdev 0.5.1 out xorgserver
xf86videovesa xf86-video-vesa 2.6.0 out xorgserver
xf86videoamdgpu xf86-video-amdgpu 23.0.0 out xorgserver,libdrm,mesa
xcursorthemes 1.0.7 out libXcursor
xlsclients 1.1.5 out,man libxcb
xwininfo 1.1.6 out,man libX11,libxcb
xhost 1.0.10 out,man libX11,libXmu,libXau
xinit 1.4.3 out,man libX11
xkill 1.0.6 out,man libX11,libXmu
xmessage 1.0.7 out,man libXaw
xgamma 1.0.7 out,man libX11,libXxf86vm
xrefresh 1.1.0 out,man libX11
iceauth 1.0.10 out,man libICE
sessreg 1.1.3 out,man
xcalc 1.1.2 out,man libXaw
xclock 1.1.1 out,man libXaw,libXft,libXrender
xeyes 1.3.0 out,man libXext,libXmu,libXt,libXrender,libXi
xload 1.2.0 out,man libXaw
`,
};

/** Python modules (attrs python.*, pnames python3.12-*). */
export const pythonFamily: FamilySpec = {
  key: 'python',
  pnamePrefix: 'python3.12-',
  baseDeps: ['python3'],
  demoCount: 36,
  sizeKiB: [20, 4000],
  randomDeps: 2,
  rows: `
setuptools 75.8.0
wheel 0.45.1
six 1.17.0
packaging 24.2
idna 3.10
certifi 2025.1.31
charset-normalizer 3.4.1
urllib3 2.3.0
requests 2.32.3 out,dist idna,certifi,charset-normalizer,urllib3
pyyaml 6.0.2 out,dist libyaml
markupsafe 3.0.2
jinja2 3.1.6 out,dist markupsafe
pygments 2.19.1
attrs 25.1.0
typing-extensions 4.12.2
pydantic-core 2.27.2 out,dist typing-extensions
pydantic 2.10.6 out,dist pydantic-core,typing-extensions
click 8.1.8
rich 13.9.4 out,dist pygments,markdown-it-py
markdown-it-py 3.0.0 out,dist mdurl
mdurl 0.1.2
dbus-python 1.3.2 out,dev,dist dbus,glib
pygobject 3.50.0 out,dev,dist gobject-introspection,glib,libffi,pycairo
pycairo 1.27.0 out,dev,dist cairo
psutil 6.1.1
cffi 1.17.1 out,dist libffi,pycparser
pycparser 2.22
cryptography 44.0.2 out,dist cffi,openssl
python-dateutil 2.9.0.post0 out,dist six
pytz 2025.1
tzdata 2025.1
numpy 2.2.3 out,dist openblas
pillow 11.1.0 out,dist libjpeg,libpng,libtiff,libwebp,freetype,lcms2,zlib
lxml 5.3.1 out,dist libxml2,libxslt
mutagen 1.47.0
websockets 15.0
brotli 1.1.0 out,dist brotli
pycryptodomex 3.21.0
docutils 0.21.2
babel 2.17.0
alabaster 1.0.0
snowballstemmer 2.2.0
imagesize 1.4.1
sphinx 8.2.3 out,dist docutils,jinja2,pygments,babel,alabaster,snowballstemmer,imagesize,requests,packaging
sphinxcontrib-applehelp 2.0.0
sphinxcontrib-devhelp 2.0.0
sphinxcontrib-htmlhelp 2.1.0
sphinxcontrib-jsmath 1.0.1
sphinxcontrib-qthelp 2.0.0
sphinxcontrib-serializinghtml 2.0.0
pluggy 1.5.0
iniconfig 2.0.0
pytest 8.3.4 out,dist pluggy,iniconfig,packaging
hypothesis 6.127.3 out,dist attrs,sortedcontainers
sortedcontainers 2.4.0
coverage 7.6.12
mock 5.1.0
tomli 2.2.1
tomli-w 1.2.0
toml 0.10.2
platformdirs 4.3.6
filelock 3.17.0
distlib 0.3.9
virtualenv 20.29.2 out,dist platformdirs,filelock,distlib
pip 25.0.1
setuptools-scm 8.2.0 out,dist packaging,setuptools
hatchling 1.27.0 out,dist packaging,pluggy,pathspec,trove-classifiers
pathspec 0.12.1
trove-classifiers 2025.3.3.18
flit-core 3.11.0
poetry-core 2.1.1
build 1.2.2.post1 out,dist packaging,pyproject-hooks
pyproject-hooks 1.2.0
installer 0.7.0
editables 0.5
cython 3.0.12 out,dist gcc-lib
meson 1.7.0
ninja 1.11.1.3
scikit-build-core 0.11.0
pybind11 2.13.6
scipy 1.15.2 out,dist numpy,openblas
pandas 2.2.3 out,dist numpy,python-dateutil,pytz,tzdata
matplotlib 3.10.1 out,dist numpy,pillow,kiwisolver,cycler,fonttools,contourpy,pyparsing,freetype
kiwisolver 1.4.8
cycler 0.12.1
fonttools 4.56.0
contourpy 1.3.1 out,dist numpy
pyparsing 3.2.1
sympy 1.13.3 out,dist mpmath
mpmath 1.3.0
networkx 3.4.2
scikit-learn 1.6.1 out,dist numpy,scipy,joblib,threadpoolctl
joblib 1.4.2
threadpoolctl 3.5.0
pyarrow 19.0.1 out,dist numpy
h5py 3.13.0 out,dist numpy
tqdm 4.67.1
regex 2024.11.6
tokenizers 0.21.0
safetensors 0.5.3
huggingface-hub 0.29.1 out,dist requests,tqdm,pyyaml,filelock,packaging
aiohttp 3.11.13 out,dist aiosignal,frozenlist,multidict,yarl,attrs,aiohappyeyeballs,propcache
aiosignal 1.3.2
frozenlist 1.5.0
multidict 6.1.0
yarl 1.18.3 out,dist multidict,idna,propcache
aiohappyeyeballs 2.4.8
propcache 0.3.0
anyio 4.8.0 out,dist idna,sniffio
sniffio 1.3.1
h11 0.14.0
httpcore 1.0.7 out,dist h11,certifi
httpx 0.28.1 out,dist anyio,httpcore,idna,certifi
starlette 0.46.0 out,dist anyio
fastapi 0.115.11 out,dist starlette,pydantic
uvicorn 0.34.0 out,dist click,h11
gunicorn 23.0.0 out,dist packaging
flask 3.1.0 out,dist werkzeug,jinja2,itsdangerous,click,blinker
werkzeug 3.1.3 out,dist markupsafe
itsdangerous 2.2.0
blinker 1.9.0
django 5.1.7 out,dist asgiref,sqlparse
asgiref 3.8.1
sqlparse 0.5.3
sqlalchemy 2.0.38 out,dist greenlet,typing-extensions
greenlet 3.1.1
alembic 1.15.1 out,dist sqlalchemy,mako
mako 1.3.9 out,dist markupsafe
psycopg2 2.9.10 out,dist libpq
redis 5.2.1
celery 5.4.0 out,dist kombu,billiard,vine,click
kombu 5.4.2 out,dist amqp,vine
amqp 5.3.1 out,dist vine
vine 5.1.0
billiard 4.2.1
boto3 1.37.4 out,dist botocore,jmespath,s3transfer
botocore 1.37.4 out,dist jmespath,urllib3,python-dateutil
jmespath 1.0.1
s3transfer 0.11.3 out,dist botocore
awscrt 0.23.8 out,dist openssl
google-auth 2.38.0 out,dist cachetools,pyasn1-modules,rsa
cachetools 5.5.2
pyasn1 0.6.1
pyasn1-modules 0.4.1 out,dist pyasn1
rsa 4.9 out,dist pyasn1
protobuf 5.29.3
grpcio 1.70.0 out,dist openssl,zlib,c-ares
googleapis-common-protos 1.69.0 out,dist protobuf
paramiko 3.5.1 out,dist bcrypt,cryptography,pynacl
bcrypt 4.3.0
pynacl 1.5.0 out,dist cffi,libsodium
invoke 2.2.0
fabric 3.2.2 out,dist invoke,paramiko
pexpect 4.9.0 out,dist ptyprocess
ptyprocess 0.7.0
ipython 9.0.1 out,dist pygments,prompt-toolkit,jedi,traitlets,pexpect,decorator,matplotlib-inline,stack-data
prompt-toolkit 3.0.50 out,dist wcwidth
wcwidth 0.2.13
jedi 0.19.2 out,dist parso
parso 0.8.4
traitlets 5.14.3
decorator 5.2.1
matplotlib-inline 0.1.7 out,dist traitlets
stack-data 0.6.3 out,dist executing,asttokens,pure-eval
executing 2.2.0
asttokens 3.0.0
pure-eval 0.2.3
jupyter-core 5.7.2 out,dist platformdirs,traitlets
jupyter-client 8.6.3 out,dist jupyter-core,pyzmq,tornado,python-dateutil
pyzmq 26.2.1 out,dist zeromq
tornado 6.4.2
ipykernel 6.29.5 out,dist ipython,jupyter-client,tornado,psutil,debugpy,comm,nest-asyncio
debugpy 1.8.13
comm 0.2.2
nest-asyncio 1.6.0
nbformat 5.10.4 out,dist jsonschema,fastjsonschema,jupyter-core
jsonschema 4.23.0 out,dist attrs,jsonschema-specifications,referencing,rpds-py
jsonschema-specifications 2024.10.1 out,dist referencing
referencing 0.36.2 out,dist attrs,rpds-py
rpds-py 0.23.1
fastjsonschema 2.21.1
beautifulsoup4 4.13.3 out,dist soupsieve
soupsieve 2.6
html5lib 1.1 out,dist six,webencodings
webencodings 0.5.1
bleach 6.2.0 out,dist webencodings
defusedxml 0.7.1
feedparser 6.0.11 out,dist sgmllib3k
sgmllib3k 1.0.0
markdown 3.7
mistune 3.1.2
pyperclip 1.9.0
colorama 0.4.6
termcolor 2.5.0
tabulate 0.9.0
humanize 4.12.1
arrow 1.3.0 out,dist python-dateutil,types-python-dateutil
types-python-dateutil 2.9.0.20241206
pendulum 3.0.0 out,dist python-dateutil,tzdata
croniter 6.0.0 out,dist python-dateutil,pytz
watchdog 6.0.0
pyinotify 0.9.6
evdev 1.9.1
pyudev 0.24.3 out,dist systemd
pyserial 3.5
pyusb 1.3.1 out,dist libusb1
netifaces 0.11.0
netaddr 1.3.0
dnspython 2.7.0
zeroconf 0.146.1 out,dist ifaddr
ifaddr 0.2.0
xmltodict 0.14.2
ruamel-yaml 0.18.10 out,dist ruamel-yaml-clib
ruamel-yaml-clib 0.2.12
msgpack 1.1.0
cbor2 5.6.5
orjson 3.10.15
ujson 5.10.0
simplejson 3.20.1
lz4 4.4.3 out,dist lz4
zstandard 0.23.0 out,dist zstd
python-magic 0.4.27 out,dist file
chardet 5.2.0
unidecode 1.3.8
pyenchant 3.2.2
nltk 3.9.1 out,dist click,joblib,regex,tqdm
black 25.1.0 out,dist click,mypy-extensions,packaging,pathspec,platformdirs
mypy-extensions 1.0.0
mypy 1.15.0 out,dist mypy-extensions,typing-extensions
flake8 7.1.2 out,dist mccabe,pycodestyle,pyflakes
mccabe 0.7.0
pycodestyle 2.12.1
pyflakes 3.2.0
pylint 3.3.4 out,dist astroid,isort,mccabe,platformdirs,tomlkit,dill
astroid 3.3.8
isort 6.0.1
tomlkit 0.13.2
dill 0.3.9
ruff 0.9.9
pre-commit 4.1.0 out,dist cfgv,identify,nodeenv,pyyaml,virtualenv
cfgv 3.4.0
identify 2.6.8
nodeenv 1.9.1
tox 4.24.1 out,dist cachetools,chardet,colorama,filelock,packaging,platformdirs,pluggy,pyproject-api,virtualenv
pyproject-api 1.9.0
gitpython 3.1.44 out,dist gitdb
gitdb 4.0.12 out,dist smmap
smmap 5.0.2
dulwich 0.22.7 out,dist urllib3
keyring 25.6.0 out,dist jaraco-classes,jaraco-functools,jaraco-context,secretstorage,jeepney
jaraco-classes 3.4.0 out,dist more-itertools
jaraco-functools 4.1.0 out,dist more-itertools
jaraco-context 6.0.1
more-itertools 10.6.0
secretstorage 3.3.3 out,dist cryptography,jeepney
jeepney 0.9.0
python-gnupg 0.5.4 out,dist gnupg
distro 1.9.0
pyxdg 0.28
xlib 0.33 out,dist six
pynput 1.8.0 out,dist evdev,xlib
pyqt5 5.15.11 out,dev,dist qt.qtbase,qt.qtsvg,sip
sip 6.10.0 out,dist packaging,setuptools
qtpy 2.4.3 out,dist packaging
pyopenssl 25.0.0 out,dist cryptography
service-identity 24.2.0 out,dist attrs,cryptography,pyasn1,pyasn1-modules
twisted 24.11.0 out,dist attrs,automat,constantly,hyperlink,incremental,typing-extensions,zope-interface
automat 24.8.1
constantly 23.10.4
hyperlink 21.0.0 out,dist idna
incremental 24.7.2
zope-interface 7.2
treq 24.9.1 out,dist twisted,requests
scrapy 2.12.0 out,dist twisted,lxml,parsel,w3lib,itemadapter,queuelib,protego
parsel 1.10.0 out,dist lxml,w3lib
w3lib 2.3.1
itemadapter 0.11.0
queuelib 1.7.0
protego 0.4.0
selenium 4.29.0 out,dist urllib3,trio,trio-websocket,certifi
trio 0.29.0 out,dist attrs,sortedcontainers,idna,outcome,sniffio
trio-websocket 0.12.2 out,dist trio,wsproto
wsproto 1.2.0 out,dist h11
outcome 1.3.0.post0 out,dist attrs
playwright 1.50.0 out,dist greenlet,pyee
pyee 12.1.1
sentry-sdk 2.22.0 out,dist urllib3,certifi
structlog 25.1.0
loguru 0.7.3
python-dotenv 1.0.1
environs 14.1.1 out,dist python-dotenv,marshmallow
marshmallow 3.26.1
attrs-strict 1.0.1
cattrs 24.1.2 out,dist attrs
pyrsistent 0.20.0
typeguard 4.4.2
beartype 0.20.0
multipledispatch 1.0.0
toolz 1.0.0
cytoolz 1.0.1 out,dist toolz
funcy 2.0
boltons 25.0.0
sortedcollections 2.1.0 out,dist sortedcontainers
bidict 0.23.1
diskcache 5.6.3
fsspec 2025.2.0
s3fs 2025.2.0 out,dist fsspec,aiohttp
gcsfs 2025.2.0 out,dist fsspec,google-auth
dask 2025.2.0 out,dist cloudpickle,fsspec,packaging,partd,pyyaml,toolz
cloudpickle 3.1.1
partd 1.4.2 out,dist locket,toolz
locket 1.0.0
distributed 2025.2.0 out,dist dask,msgpack,psutil,tornado,zict,tblib
zict 3.0.0
tblib 3.0.0
xarray 2025.1.2 out,dist numpy,pandas,packaging
netcdf4 1.7.2 out,dist numpy,cftime
cftime 1.6.4.post1 out,dist numpy
statsmodels 0.14.4 out,dist numpy,scipy,pandas,patsy
patsy 1.0.1 out,dist numpy
seaborn 0.13.2 out,dist matplotlib,pandas
bokeh 3.6.3 out,dist jinja2,numpy,pandas,pillow,pyyaml,tornado,xyzservices
xyzservices 2025.1.0
altair 5.5.0 out,dist jinja2,jsonschema,narwhals
narwhals 1.28.0
polars 1.23.0
duckdb 1.2.0
sqlglot 26.6.0
opencv4 4.11.0 out,dist numpy
scikit-image 0.25.2 out,dist numpy,scipy,networkx,pillow,imageio,tifffile,lazy-loader
imageio 2.37.0 out,dist numpy,pillow
tifffile 2025.2.18 out,dist numpy
lazy-loader 0.4
torch 2.6.0 out,dist numpy,sympy,networkx,jinja2,filelock,fsspec,typing-extensions
torchvision 0.21.0 out,dist torch,pillow,numpy
transformers 4.49.0 out,dist huggingface-hub,numpy,packaging,pyyaml,regex,requests,safetensors,tokenizers,tqdm
accelerate 1.4.0 out,dist torch,numpy,psutil,pyyaml,huggingface-hub,safetensors
datasets 3.3.2 out,dist numpy,pyarrow,dill,pandas,requests,tqdm,xxhash,multiprocess,fsspec,aiohttp,huggingface-hub
xxhash 3.5.0
multiprocess 0.70.17 out,dist dill
sentencepiece 0.2.0
tiktoken 0.9.0 out,dist regex,requests
openai 1.65.1 out,dist anyio,distro,httpx,jiter,pydantic,sniffio,tqdm
jiter 0.8.2
anthropic 0.49.0 out,dist anyio,distro,httpx,jiter,pydantic,sniffio
langchain-core 0.3.40 out,dist jsonpatch,langsmith,packaging,pydantic,pyyaml,tenacity
jsonpatch 1.33 out,dist jsonpointer
jsonpointer 3.0.0
langsmith 0.3.11 out,dist httpx,orjson,pydantic,requests,requests-toolbelt
requests-toolbelt 1.0.0 out,dist requests
tenacity 9.0.0
backoff 2.2.1
retrying 1.3.4
python-slugify 8.0.4 out,dist text-unidecode
text-unidecode 1.3
emoji 2.14.1
pyfiglet 1.0.2
qrcode 8.0
python-barcode 0.15.1
reportlab 4.3.1 out,dist pillow,chardet
pypdf 5.3.1
pdfminer-six 20240706 out,dist charset-normalizer,cryptography
pymupdf 1.25.3
openpyxl 3.1.5 out,dist et-xmlfile
et-xmlfile 2.0.0
xlrd 2.0.1
python-docx 1.1.2 out,dist lxml,typing-extensions
python-pptx 1.0.2 out,dist lxml,pillow,xlsxwriter
xlsxwriter 3.2.2
icalendar 6.1.1 out,dist python-dateutil,tzdata
vobject 0.9.9 out,dist python-dateutil,pytz
caldav 1.4.0 out,dist lxml,requests,icalendar,recurring-ical-events
recurring-ical-events 3.5.0 out,dist icalendar,x-wr-timezone
x-wr-timezone 2.0.1
khal 0.11.3 out,dist click,icalendar,python-dateutil,pytz,urwid,tzlocal
urwid 2.6.16 out,dist wcwidth
tzlocal 5.3.1
vdirsyncer 0.19.3 out,dist click,requests,aiohttp
`,
};

/** Perl modules (attrs perl.*, pnames perl5.40.0-*). */
export const perlFamily: FamilySpec = {
  key: 'perl',
  pnamePrefix: 'perl5.40.0-',
  baseDeps: ['perl'],
  demoCount: 12,
  sizeKiB: [20, 1500],
  randomDeps: 2,
  rows: `
URI 5.21
HTML-Tagset 3.24
HTML-Parser 3.83 out,devdoc HTML-Tagset
HTTP-Date 6.06
Encode-Locale 1.05
LWP-MediaTypes 6.04
HTTP-Message 7.00 out,devdoc URI,HTTP-Date,Encode-Locale,LWP-MediaTypes
IO-HTML 1.004
libwww-perl 6.77 out,devdoc HTTP-Message,HTML-Parser,URI
Net-HTTP 6.23
TimeDate 2.33
Digest-HMAC 1.04
Authen-SASL 2.1700 out,devdoc Digest-HMAC
IO-Socket-SSL 2.089 out,devdoc Net-SSLeay
Net-SSLeay 1.94 out,devdoc openssl,zlib
Mozilla-CA 20240924
Net-SMTP-SSL 1.04 out,devdoc IO-Socket-SSL
MailTools 2.21 out,devdoc TimeDate
MIME-Types 2.27
Email-Date-Format 1.008
MIME-Lite 3.033 out,devdoc Email-Date-Format,MIME-Types,MailTools
Term-ReadKey 2.38
TermReadLine-Gnu 1.46 out,devdoc readline,ncurses
Locale-gettext 1.07 out,devdoc gettext
Text-Unidecode 1.30
Unicode-EastAsianWidth 12.0
Text-CharWidth 0.04
Text-WrapI18N 0.06 out,devdoc Text-CharWidth
XML-Parser 2.47 out,devdoc expat
XML-SAX-Base 1.09
XML-NamespaceSupport 1.12
XML-SAX 1.02 out,devdoc XML-SAX-Base,XML-NamespaceSupport
XML-LibXML 2.0210 out,devdoc libxml2,XML-SAX
XML-Simple 2.25 out,devdoc XML-SAX
XML-Writer 0.900
XML-Twig 3.52 out,devdoc XML-Parser
DBI 1.645
DBD-SQLite 1.74 out,devdoc DBI,sqlite
JSON 4.10
JSON-PP 4.16
JSON-XS 4.03 out,devdoc Types-Serialiser,common-sense
Types-Serialiser 1.01 out,devdoc common-sense
common-sense 3.75
YAML 1.31
YAML-LibYAML 0.902.0
File-Which 1.27
File-HomeDir 1.006 out,devdoc File-Which
File-Slurp 9999.32
File-Slurper 0.014
Path-Tiny 0.146
Try-Tiny 0.32
Moo 2.005005 out,devdoc Class-Method-Modifiers,Role-Tiny,Sub-Quote
Class-Method-Modifiers 2.15
Role-Tiny 2.002004
Sub-Quote 2.006008
Moose 2.2207 out,devdoc Class-Load,Data-OptList,Devel-StackTrace,Module-Runtime,Package-Stash,Params-Util,Sub-Exporter,Try-Tiny
Class-Load 0.25 out,devdoc Module-Runtime,Data-OptList,Package-Stash,Try-Tiny
Data-OptList 0.114 out,devdoc Params-Util,Sub-Install
Params-Util 1.102
Sub-Install 0.929
Sub-Exporter 0.991 out,devdoc Data-OptList,Sub-Install
Devel-StackTrace 2.05
Module-Runtime 0.016
Package-Stash 0.40 out,devdoc Module-Runtime
List-MoreUtils 0.430 out,devdoc Exporter-Tiny,List-MoreUtils-XS
List-MoreUtils-XS 0.430
Exporter-Tiny 1.006002
Scalar-List-Utils 1.68
DateTime 1.65 out,devdoc DateTime-Locale,DateTime-TimeZone,Params-ValidationCompiler,Specio,namespace-autoclean
DateTime-Locale 1.44 out,devdoc File-ShareDir,Params-ValidationCompiler
DateTime-TimeZone 2.63 out,devdoc Class-Singleton,Module-Runtime
Class-Singleton 1.6
Params-ValidationCompiler 0.31 out,devdoc Eval-Closure,Exception-Class
Eval-Closure 0.14
Exception-Class 1.45 out,devdoc Class-Data-Inheritable,Devel-StackTrace
Class-Data-Inheritable 0.10
Specio 0.48 out,devdoc Role-Tiny,Devel-StackTrace,Eval-Closure
namespace-autoclean 0.31 out,devdoc namespace-clean,Sub-Identify
namespace-clean 0.27 out,devdoc Package-Stash,B-Hooks-EndOfScope
B-Hooks-EndOfScope 0.28 out,devdoc Module-Implementation,Sub-Exporter-Progressive
Module-Implementation 0.09
Sub-Exporter-Progressive 0.001013
Sub-Identify 0.14
File-ShareDir 1.118 out,devdoc Class-Inspector
Class-Inspector 1.36
Image-ExifTool 13.00
Archive-Zip 1.68
IO-Compress 2.213
Compress-Raw-Zlib 2.213 out,devdoc zlib
Compress-Raw-Bzip2 2.213 out,devdoc bzip2
Digest-SHA 6.04
Digest-MD5 2.59
Crypt-PasswdMD5 1.42
Authen-PAM 0.16 out,devdoc linux-pam
Net-DNS 1.48 out,devdoc Digest-HMAC
Net-IP 1.26
Socket6 0.29
IO-Socket-INET6 2.73 out,devdoc Socket6
Template-Toolkit 3.102
Text-Template 1.61
Pod-Parser 1.67
Pod-Usage 2.03
Getopt-Long-Descriptive 0.116 out,devdoc Params-Validate,Sub-Exporter
Params-Validate 1.31 out,devdoc Module-Implementation
Carp-Clan 6.08
Test-Simple 1.302207
Test-Deep 1.204
Test-Fatal 0.017 out,devdoc Try-Tiny
Test-Warnings 0.033
Test-Needs 0.002010
CPAN-Meta-Check 0.018
Module-Build 0.4234
ExtUtils-Config 0.010
ExtUtils-Helpers 0.028
ExtUtils-InstallPaths 0.014 out,devdoc ExtUtils-Config
Module-Build-Tiny 0.051 out,devdoc ExtUtils-Config,ExtUtils-Helpers,ExtUtils-InstallPaths
`,
};

/** Qt 6 modules and KDE Frameworks (attrs qt.*). */
export const qtFamily: FamilySpec = {
  key: 'qt',
  pnamePrefix: '',
  baseDeps: ['gcc-lib'],
  demoCount: 0,
  sizeKiB: [200, 8000],
  randomDeps: 2,
  systemPackages: true,
  rows: `
qtbase 6.8.2 out,dev glib,icu4c,openssl,zlib,zstd,libpng,libjpeg,freetype,fontconfig,harfbuzz,pcre2,double-conversion,libb2,mesa,libdrm,libxkbcommon,wayland,dbus,systemd,xorg.libX11,xorg.libxcb,xorg.xcbutilwm,xorg.xcbutilimage,xorg.xcbutilkeysyms,xorg.xcbutilrenderutil,xorg.xcbutilcursor,vulkan-loader,md4c,xorg.libinput,cups
double-conversion 3.3.0 out,dev
md4c 0.5.2 out,dev,lib
qtsvg 6.8.2 out,dev qtbase
qtdeclarative 6.8.2 out,dev qtbase,qtsvg
qtwayland 6.8.2 out,dev qtbase,qtdeclarative,wayland
qttools 6.8.2 out,dev qtbase,qtdeclarative
qtmultimedia 6.8.2 out,dev qtbase,qtdeclarative,ffmpeg,gstreamer,gst-plugins-base,libpulseaudio,pipewire
qt5compat 6.8.2 out,dev qtbase,qtdeclarative
qtimageformats 6.8.2 out,dev qtbase,libwebp,libtiff
qtshadertools 6.8.2 out,dev qtbase
qtpositioning 6.8.2 out,dev qtbase,qtdeclarative
qtwebchannel 6.8.2 out,dev qtbase,qtdeclarative
qtwebengine 6.8.2 out,dev qtbase,qtdeclarative,qtwebchannel,qtpositioning,nss,nspr,ffmpeg,libvpx,libopus,alsa-lib,libpulseaudio,pipewire,mesa
qtspeech 6.8.2 out,dev qtbase,qtmultimedia
qtsensors 6.8.2 out,dev qtbase,qtdeclarative
qtconnectivity 6.8.2 out,dev qtbase,bluez
qtnetworkauth 6.8.2 out,dev qtbase
qtserialport 6.8.2 out,dev qtbase
extra-cmake-modules 6.11.0 out
kcoreaddons 6.11.0 out,dev qtbase,qttools
ki18n 6.11.0 out,dev qtbase,qtdeclarative,gettext
kconfig 6.11.0 out,dev qtbase,qtdeclarative
kwidgetsaddons 6.11.0 out,dev qtbase
kguiaddons 6.11.0 out,dev qtbase,qtwayland,wayland
kwindowsystem 6.11.0 out,dev qtbase,qtwayland,xorg.libXfixes
karchive 6.11.0 out,dev qtbase,zlib,bzip2,xz,zstd
kcodecs 6.11.0 out,dev qtbase
kauth 6.11.0 out,dev kcoreaddons,polkit-qt
polkit-qt polkit-qt-1 0.200.0 out,dev qtbase,polkit
kcrash 6.11.0 out,dev kcoreaddons,kwindowsystem
kdbusaddons 6.11.0 out,dev qtbase
kitemviews 6.11.0 out,dev qtbase
kcompletion 6.11.0 out,dev kconfig,kwidgetsaddons
kconfigwidgets 6.11.0 out,dev kcodecs,kconfig,kguiaddons,ki18n,kwidgetsaddons,kcolorscheme
kcolorscheme 6.11.0 out,dev kconfig,kguiaddons,ki18n
kiconthemes 6.11.0 out,dev karchive,kconfigwidgets,kitemviews,breeze-icons,qtsvg
breeze-icons 6.11.0 out qtbase
knotifications 6.11.0 out,dev qtbase,kconfig,libcanberra,qtdeclarative
kservice 6.11.0 out,dev kconfig,kcoreaddons,kcrash,kdbusaddons,ki18n
kxmlgui 6.11.0 out,dev kconfigwidgets,kglobalaccel,kiconthemes,kitemviews,ktextwidgets,kwidgetsaddons
kglobalaccel 6.11.0 out,dev kconfig,kcoreaddons,kcrash,kdbusaddons,kwindowsystem
ktextwidgets 6.11.0 out,dev kcompletion,kconfigwidgets,ki18n,sonnet
sonnet 6.11.0 out,dev qtbase,hunspell
kio 6.11.0 out,dev karchive,kbookmarks,kcompletion,kconfig,kcoreaddons,kcrash,kdbusaddons,ki18n,kiconthemes,kitemviews,kjobwidgets,knotifications,kservice,kwidgetsaddons,kwindowsystem,solid,acl,attr,util-linux
kbookmarks 6.11.0 out,dev kconfigwidgets,kcoreaddons,kwidgetsaddons,kxmlgui
kjobwidgets 6.11.0 out,dev kcoreaddons,kwidgetsaddons,knotifications
solid 6.11.0 out,dev qtbase,qtdeclarative,systemd,util-linux,libimobiledevice,upower
libimobiledevice 1.3.0-unstable-2024-05-20 out,dev libplist,libusbmuxd,openssl
libplist 2.6.0 bin,out,dev
libusbmuxd 2.1.0 out,dev libplist,libimobiledevice-glue
libimobiledevice-glue 1.3.1 out,dev libplist
kirigami 6.11.0 out,dev qtbase,qtdeclarative,qtsvg,qt5compat
kpackage 6.11.0 out,dev karchive,kcoreaddons,ki18n
kparts 6.11.0 out,dev kio,kservice,kxmlgui,ktextwidgets
syntax-highlighting 6.11.0 out,dev qtbase,qttools
ktexteditor 6.11.0 out,dev kparts,syntax-highlighting,sonnet,editorconfig-core-c
editorconfig-core-c 0.12.9 out pcre2
kate 24.12.3 out ktexteditor,kio,kparts,kxmlgui,kiconthemes,knewstuff
knewstuff 6.11.0 out,dev kio,kirigami,kpackage,attica,syndication
attica 6.11.0 out,dev qtbase
syndication 6.11.0 out,dev kcodecs,qtbase
okular 24.12.3 out kio,kparts,kpty,kwallet,poppler-qt6,libspectre,djvulibre,ebook_tools,discount,threadweaver
kpty 6.11.0 out,dev kcoreaddons,ki18n,util-linux
kwallet 6.11.0 out,dev kconfig,kcoreaddons,kdbusaddons,ki18n,knotifications,kwidgetsaddons,kwindowsystem,libgcrypt,gpgme
poppler-qt6 poppler-qt6 25.02.0 out,dev poppler,qtbase
libspectre 0.2.12 out,dev ghostscript
ghostscript 10.04.0 out,doc,man,fonts libjpeg,libpng,libtiff,freetype,fontconfig,lcms2,zlib,cups,libpaper,jbig2dec,openjpeg
jbig2dec 0.20 out,dev
djvulibre 3.5.28 bin,out,dev libjpeg,libtiff
ebook_tools 0.2.2 out,dev libzip,libxml2
libzip 1.11.3 out,dev zlib,bzip2,xz,zstd,openssl
discount 3.0.0d out,lib,man,dev
threadweaver 6.11.0 out,dev qtbase
`,
};

