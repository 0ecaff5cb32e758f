// More families for the large preset: the GNOME desktop (installed as system packages) and R packages.
import type { FamilySpec } from './catalog-families.ts';

/** GNOME libraries and applications (attrs gnome.*), all in environment.systemPackages when present. */
export const gnomeFamily: FamilySpec = {
  key: 'gnome',
  pnamePrefix: '',
  baseDeps: ['glib'],
  demoCount: 0,
  sizeKiB: [150, 6000],
  randomDeps: 2,
  systemPackages: true,
  rows: `
gcr 3.41.2 out,bin,dev,devdoc libgcrypt,p11-kit,gtk3,libsecret
gcr_4 gcr 4.3.1 out,bin,dev,devdoc libgcrypt,p11-kit,gtk4,libsecret
gnome-keyring 46.2 out libgcrypt,gcr,linux-pam
libgee 0.20.8 out,dev
libpeas 1.36.0 out,dev,devdoc gtk3,gobject-introspection,python3
libpeas2 libpeas2 2.0.5 out,dev,devdoc gtk4,gobject-introspection
gtksourceview5 5.14.2 out,dev,devdoc gtk4,libxml2,pcre2,fribidi
vte 0.78.3 out,dev,devdoc gtk3,gtk4,gnutls,pcre2,systemd,fribidi,icu4c
libhandy 1.8.3 out,dev,devdoc gtk3
webkitgtk_6_0 webkitgtk 2.46.6+abi=6.0 out,dev gtk4,libsoup_3,libxml2,libxslt,harfbuzz,icu4c,libwebp,libjpeg,libpng,sqlite,gst-plugins-base,gst-plugins-bad,libsecret,libnotify,mesa,libepoxy,enchant,woff2,libavif,libjxl,hyphen,libmanette,wpebackend-fdo,libwpe,at-spi2-core,libseccomp,bubblewrap,xdg-dbus-proxy
webkitgtk_4_1 webkitgtk 2.46.6+abi=4.1 out,dev gtk3,libsoup_3,libxml2,libxslt,harfbuzz,icu4c,libwebp,libjpeg,libpng,sqlite,gst-plugins-base,libsecret,libnotify,mesa,libepoxy,enchant,woff2,libavif,libjxl,hyphen,libmanette,wpebackend-fdo,libwpe,at-spi2-core,libseccomp,bubblewrap,xdg-dbus-proxy
enchant 2.8.2 out,dev hunspell
hyphen 2.8.8 out
woff2 1.0.2 out,lib,dev brotli
libavif 1.1.1 bin,out,dev dav1d,libaom,svt-av1,libjpeg,libpng
libjxl 0.11.1 out,dev highway,brotli,lcms2,giflib,libjpeg,libpng
highway 1.2.0 out,dev
libmanette 0.2.9 out,dev libgudev,xorg.libevdev
libwpe 1.16.0 out,dev libxkbcommon,mesa
wpebackend-fdo 1.14.3 out,dev libwpe,wayland,mesa,libepoxy
bubblewrap 0.11.0 out libcap
xdg-dbus-proxy 0.1.6 out
libgweather 4.4.4 out,dev,devdoc gtk4,libsoup_3,libxml2,geocode-glib,json-glib
geocode-glib 3.26.4 out,dev,devdoc libsoup_3,json-glib
gnome-online-accounts 3.52.3 out,dev gtk4,libadwaita,libsoup_3,json-glib,webkitgtk_6_0,libsecret,gcr_4,krb5,rest
rest 0.9.1 out,dev libsoup_3,json-glib,libxml2
libgdata 0.18.1 out,dev libsoup_3,libxml2,json-glib,gnome-online-accounts,gcr
evolution-data-server 3.54.3 out,dev gtk3,gtk4,libsoup_3,sqlite,nss,nspr,libical,libgweather,gnome-online-accounts,webkitgtk_4_1,webkitgtk_6_0,libsecret,gcr,openldap,krb5,libcanberra,json-glib,libphonenumber,boost,protobuf,icu4c
libical 3.0.19 out,dev icu4c,glib,libxml2
libphonenumber 8.13.55 out boost,icu4c,protobuf
protobuf 29.3 out gcc-lib,zlib
gsound 1.0.3 out,dev libcanberra
libgsf 1.14.53 out,dev libxml2,bzip2
tracker tinysparql 3.8.2 out,dev,devdoc sqlite,json-glib,libxml2,icu4c,libsoup_3,dbus,avahi,libstemmer
libstemmer 2.2.0 out
tracker-miners localsearch 3.8.2 out tracker,gst-plugins-base,gexiv2,libexif,poppler,libgsf,totem-pl-parser,libcue,libosinfo,upower,networkmanager,exempi,libseccomp,ffmpeg,libiptcdata
gexiv2 0.14.3 out,dev,devdoc exiv2,gobject-introspection
exiv2 0.28.4 out,lib,dev,doc expat,zlib,brotli,inih
inih 58 out
libexif 0.6.25 out,dev
totem-pl-parser 3.26.6 out,dev libxml2,libgcrypt,libarchive,libsoup_3
libcue 2.3.0 out
libosinfo 1.11.0 out,dev,devdoc libxml2,libsoup_3,hwdata,osinfo-db
osinfo-db 20250124 out
exempi 2.6.5 out,dev expat,zlib,boost
libiptcdata 1.0.5 out
gvfs 1.56.1 out dbus,libsecret,gcr_4,libgudev,udisks,libmtp,qt.libimobiledevice,libgphoto2,libnfs,libsmb2,openssh,samba,gnome-online-accounts,libcdio-paranoia,libbluray,fuse3,libarchive,libsoup_3,avahi,polkit,systemd
udisks 2.10.1 out,dev,man libblockdev,libatasmart,polkit,systemd,acl,libgudev,util-linux
libblockdev 3.3.0 out,dev,python cryptsetup,lvm2,parted,util-linux,kmod,libnvme,libbytesize,nss,json-glib,keyutils
parted 3.6 out,dev,info util-linux,lvm2,readline
libbytesize 2.11 out,dev,man gmp,mpfr,pcre2
libatasmart 0.19 out,dev systemd
libmtp 1.1.22 bin,out,dev libusb1,libgcrypt
libgphoto2 2.5.31 out,dev libusb1,libjpeg,libexif,libxml2,libtool,gd
libtool 2.5.4 out,lib,dev
gd 2.3.3 bin,out,dev libpng,libjpeg,freetype,fontconfig,libtiff,libwebp,libavif,libheif
libnfs 6.0.2 out,dev
libsmb2 6.2 out,dev krb5
samba 4.21.4 out,dev,man,python python3,gnutls,libtasn1,talloc,tdb,tevent,ldb,libarchive,acl,lmdb,popt,libunwind,openldap,cyrus-sasl,jansson,liburing,dbus,avahi,systemd,libbsd,iniparser,zlib,readline,krb5,icu4c,gpgme
talloc 2.4.2 out,dev
tdb 1.4.12 out,dev
tevent 0.16.1 out,dev
ldb 2.9.2 out,dev
lmdb 0.9.33 bin,out,dev
liburing 2.8 bin,out,dev,man
libbsd 0.12.2 out,dev,man libmd
libmd 1.1.0 out
iniparser 4.2.5 out
libcdio 2.1.0 out,dev
libcdio-paranoia 2.0.2 out,dev libcdio
libbluray 1.3.4 out,dev libxml2,fontconfig,freetype
gnome-desktop 44.1 out,dev,devdoc gtk3,gtk4,gsettings-desktop-schemas,systemd,xkeyboard-config,iso-codes,bubblewrap,libseccomp
xkeyboard-config 2.43 out
iso-codes 4.17.0 out
gnome-bluetooth 47.1 out,dev,devdoc gtk4,libadwaita,bluez,libnotify,upower,gsound,libcanberra
gnome-settings-daemon 47.2 out gtk3,libnotify,libgweather,geocode-glib,geoclue2,libcanberra,pulseaudio,upower,polkit,xorg.libwacom,colord,gnome-desktop,networkmanager,modemmanager,cups,alsa-lib,gcr_4,nss,systemd
pulseaudio 17.0 out,dev,man libsndfile,dbus,glib,systemd,alsa-lib,libcap,speexdsp,soxr,webrtc-audio-processing,fftwFloat,bluez,sbc,libopus,orc,avahi,openssl,xorg.libX11,xorg.libICE,xorg.libSM,xorg.libXtst
speexdsp 1.2.1 bin,out,dev
soxr 0.1.3 out,dev
fftwFloat fftw-single 3.3.10 out,dev,man
sbc 2.0 out,dev
orc 0.4.40 out,dev
colord 1.4.7 out,dev,man,installedTests glib,dbus,lcms2,polkit,sqlite,libgudev,libgusb,sane-backends,systemd,bash-completion
libgusb 0.4.9 out,dev,devdoc libusb1,json-glib
sane-backends 1.3.1 out libusb1,libjpeg,libpng,libtiff,avahi,libieee1284,net-snmp,poppler,systemd
libieee1284 0.2.11 out,dev
net-snmp 5.9.4 bin,out,dev,lib openssl,perl,lm_sensors
bash-completion 2.16.0 out
mutter 47.5 out,dev,devdoc gtk4,libxkbcommon,wayland,mesa,libdrm,xorg.libinput,xorg.libwacom,pipewire,systemd,libei,colord,gnome-desktop,gnome-settings-daemon,libcanberra,xorg.xwayland,xorg.libX11,xorg.libXtst,xorg.libXcomposite,xorg.libXdamage,xorg.libXrandr,graphene,pango,cairo,libSM,startup-notification,lcms2,libgudev,libdisplay-info,sysprof
libei 1.3.0 out,dev xorg.libevdev
libdisplay-info 0.2.0 out,dev hwdata
sysprof 47.2 out,lib,dev gtk4,libadwaita,polkit,json-glib,libunwind,elfutils
startup-notification 0.12 out,dev xorg.libX11,xorg.libxcb,xorg.xcbutil
libSM libSM 1.2.4 out
gjs 1.82.1 out,dev,installedTests gobject-introspection,cairo,spidermonkey_128,readline,dbus
spidermonkey_128 spidermonkey 128.7.0 out,dev icu4c,nspr,zlib,libffi,readline
gnome-shell 47.5 out,devdoc mutter,gjs,gtk4,libadwaita,evolution-data-server,gcr_4,gnome-desktop,gnome-settings-daemon,gnome-bluetooth,gsettings-desktop-schemas,libgweather,networkmanager,polkit,pipewire,pulseaudio,upower,ibus,libnma,accountsservice,gnome-autoar,librsvg,webkitgtk_6_0,geoclue2,libical,at-spi2-core,unzip,libsecret,sassc,asciidoc,python3,gst-plugins-base,gnome-session
ibus 1.5.31 out,dev,installedTests gtk3,gtk4,dbus,dconf,libnotify,json-glib,iso-codes,python3,libxkbcommon,wayland,unicode-emoji,unicode-character-database,cldr-annotations,isocodes
unicode-emoji 16.0 out
unicode-character-database 16.0.0 out
cldr-annotations 46.0 out
isocodes iso-codes-data 4.17.0 out
libnma 1.10.6 out,dev,devdoc networkmanager,gtk3,gtk4,gcr_4,mobile-broadband-provider-info,iso-codes
mobile-broadband-provider-info 20240407 out
accountsservice 23.13.9 out,dev polkit,systemd,shadow
gnome-autoar 0.4.5 out,dev,devdoc libarchive,gtk3,gtk4
sassc 3.6.2 out libsass
libsass 3.6.6 out
asciidoc 10.2.1 out python3
gnome-session 47.0.1 out,sessions gnome-desktop,gtk3,json-glib,systemd,xorg.libSM,xorg.libICE,gsettings-desktop-schemas
gdm 47.0 out gtk3,accountsservice,linux-pam,systemd,libcanberra,gnome-session,gnome-shell,audit,keyutils,plymouth,dconf
plymouth 24.004.60 out,dev libdrm,pango,cairo,systemd,libxkbcommon,xkeyboard-config
gnome-control-center 47.4 out gtk4,libadwaita,gnome-desktop,gnome-settings-daemon,gnome-online-accounts,gnome-bluetooth,networkmanager,libnma,modemmanager,colord,cups,samba,upower,polkit,libpwquality,libgtop,accountsservice,ibus,pulseaudio,libgudev,udisks,libsecret,tecla,gsound,xorg.libwacom,webkitgtk_6_0,krb5,gnome-tecla
libpwquality 1.4.5 out,dev,lib,python cracklib
cracklib 2.10.3 out
libgtop 2.41.3 out,dev
tecla 47.0 out gtk4,libadwaita,libxkbcommon,wayland
gnome-tecla gnome-tecla 47.0 out
nautilus 47.2 out gtk4,libadwaita,gnome-desktop,gnome-autoar,tracker,tracker-miners,gexiv2,gst-plugins-base,libportal,libcloudproviders,gvfs,libselinux
libcloudproviders 0.3.6 out,dev
libselinux 3.8 bin,out,dev,man libsepol,pcre2
libsepol 3.8 bin,out,dev,man
gnome-terminal 3.54.3 out gtk3,vte,gnome-shell,dconf,util-linux,nautilus
gnome-console 47.1 out gtk4,libadwaita,vte,gsettings-desktop-schemas
gnome-text-editor 47.3 out gtk4,libadwaita,gtksourceview5,enchant,libspelling
libspelling 0.4.6 out,dev gtk4,gtksourceview5,enchant
eog 47.0 out gtk3,libhandy,gnome-desktop,libexif,lcms2,exempi,libpeas,librsvg,libjxl
loupe 47.4 out gtk4,libadwaita,glycin-loaders
glycin-loaders 1.1.4 out libheif,libjxl,librsvg,gtk4,bubblewrap
evince 46.3 out,dev,devdoc gtk3,libhandy,poppler,qt.libspectre,qt.djvulibre,libtiff,libgxps,libarchive,gnome-desktop,nautilus,gst-plugins-base,synctex,libsecret
libgxps 0.3.2 out,dev libarchive,cairo,freetype,libjpeg,libtiff,lcms2
synctex 2.00 out
papers 47.3 out gtk4,libadwaita,poppler,qt.djvulibre,libtiff,libgxps,libarchive,nautilus,libsecret,exempi
totem 43.1 out gtk3,libhandy,libpeas,totem-pl-parser,gst-plugins-base,gst-plugins-good,gst-plugins-bad,gst-libav,grilo,gsettings-desktop-schemas
grilo 0.3.16 out,dev,man libxml2,libsoup_3,totem-pl-parser,liboauth
liboauth 1.0.3 out,dev nss
gnome-calculator 47.1 out gtk4,libadwaita,libsoup_3,libgee,gtksourceview5,mpfr,libmpc
gnome-calendar 47.0 out gtk4,libadwaita,evolution-data-server,libical,libgweather,geoclue2,geocode-glib
gnome-contacts 47.1.1 out gtk4,libadwaita,evolution-data-server,folks,libportal,gnome-online-accounts,qrencode
folks 0.15.9 out,dev evolution-data-server,libgee,telepathy-glib,readline
telepathy-glib 0.24.2 out,dev dbus-glib
dbus-glib 0.112 out,dev dbus,expat
qrencode 4.1.1 bin,out,dev,man libpng
gnome-maps 47.4 out gtk4,libadwaita,gjs,geoclue2,geocode-glib,libgweather,libshumate,librsvg,libportal,webkitgtk_6_0,rest
libshumate 1.3.2 out,dev,devdoc gtk4,libsoup_3,sqlite,protobuf-c,json-glib
protobuf-c 1.5.1 out,dev protobuf
gnome-weather 47.0 out gtk4,libadwaita,gjs,libgweather,geoclue2
gnome-clocks 47.0 out gtk4,libadwaita,libgweather,geoclue2,geocode-glib,gsound
gnome-music 47.1 out gtk4,libadwaita,gjs,grilo,tracker,gst-plugins-base,python3,libmediaart
libmediaart 1.9.6 out,dev gdk-pixbuf
snapshot 47.1 out gtk4,libadwaita,gst-plugins-base,gst-plugins-bad,pipewire
gnome-software 47.4 out gtk4,libadwaita,flatpak,fwupd,ostree,appstream,polkit,libxmlb,json-glib,libsoup_3,gnome-online-accounts,malcontent,gnome-desktop
fwupd 2.0.6 out,lib,dev,man,installedTests json-glib,libxmlb,libjcat,gnutls,libarchive,curl,polkit,sqlite,libgusb,elfutils,protobuf-c,libdrm,tpm2-tss,libcbor,libmbim,libqmi,modemmanager,systemd,efivar,libusb1,passim,gcab
libxmlb 0.3.21 out,lib,dev,devdoc,installedTests xz,zstd,libstemmer
libjcat 0.2.2 out,bin,dev,man,installedTests json-glib,gnutls,gpgme
tpm2-tss 4.1.3 out,dev,man openssl,json-c,curl,util-linux
libcbor 0.11.0 out,dev
efivar 39 bin,out,lib,dev,man popt
passim 0.1.8 out,man json-glib,libsoup_3,avahi,gnutls
gcab 1.6 bin,out,dev,devdoc glib
malcontent 0.13.0 bin,out,lib,dev,man,installedTests accountsservice,dbus,flatpak,polkit,appstream,gtk4,libadwaita
gnome-disk-utility 46.1 out gtk3,libhandy,udisks,libdvdread,libpwquality,libcanberra,libnotify,libsecret,systemd,xz
libdvdread 6.1.3 out,dev
gnome-system-monitor 47.0 out gtk4,libadwaita,libgtop,gtkmm4,librsvg,polkit,systemd
gtkmm4 4.16.0 out,dev gtk4,glibmm_2_68,cairomm_1_16,pangomm_2_48
glibmm_2_68 glibmm 2.82.0 out,dev libsigcxx30
cairomm_1_16 cairomm 1.18.0 out,dev cairo,libsigcxx30
pangomm_2_48 pangomm 2.54.0 out,dev pango,glibmm_2_68,cairomm_1_16
libsigcxx30 libsigc++ 3.6.0 out,dev
baobab 47.0 out gtk4,libadwaita
file-roller 44.4 out gtk3,libhandy,libarchive,json-glib,nautilus,libportal,cpio
cpio 2.15 out,info
seahorse 47.0.1 out gtk3,libhandy,gcr,gpgme,libsecret,libpwquality,openldap,openssh,avahi
gnome-font-viewer 47.0 out gtk4,libadwaita,fontconfig,freetype,harfbuzz,gnome-desktop
gnome-characters 47.0 out gtk4,libadwaita,gjs,gnome-desktop,libunistring
gnome-logs 45.0 out gtk4,libadwaita,systemd,gsettings-desktop-schemas
gnome-connections 47.2.1 out gtk4,libadwaita,gtk-vnc,freerdp,libsecret
gtk-vnc 1.3.1 out,dev,man gnutls,libgcrypt,cyrus-sasl,libpulseaudio,gtk3
freerdp 3.10.3 bin,out,lib,dev openssl,ffmpeg,libusb1,cups,pkcs11-helper,cjson,fuse3,krb5,pulseaudio,alsa-lib,wayland,libxkbcommon,xorg.libX11,xorg.libXcursor,xorg.libXinerama,xorg.libXrandr,xorg.libXv,uriparser,icu4c
pkcs11-helper 1.30.0 out,dev openssl
cjson 1.7.18 out,dev
uriparser 0.9.8 out,dev,doc
gnome-tour 47.0 out gtk4,libadwaita
gnome-user-docs 47.2 out
yelp 42.2 out gtk3,libhandy,webkitgtk_4_1,libxml2,libxslt,sqlite,yelp-xsl
yelp-xsl 42.1 out
orca 47.3 out python3,at-spi2-core,gtk3,speech-dispatcher,liblouis,brltty,gst-plugins-base
speech-dispatcher 0.11.5 out,dev espeak-ng,libsndfile,libao,dotconf,pulseaudio,pipewire,python3
espeak-ng 1.52.0 out,dev pcaudiolib,sonic
pcaudiolib 1.2 out,dev alsa-lib,pulseaudio
sonic 0.2.0-unstable-2024-12-16 out
libao 1.2.2-unstable-2023-10-17 out,dev alsa-lib,pulseaudio
dotconf 1.4.1 out
liblouis 3.32.0 out,dev,info,doc python3
brltty 6.7 out dbus,python3,bluez,alsa-lib,systemd,polkit,icu4c,expat,libbsd,tcl
tcl 8.6.15 out,man zlib
xdg-desktop-portal-gnome 47.3 out gtk4,libadwaita,gnome-desktop,gsettings-desktop-schemas,libportal,xdg-desktop-portal,fontconfig,wayland
xdg-desktop-portal-gtk 1.15.2 out gtk3,gnome-desktop,gsettings-desktop-schemas,xdg-desktop-portal
gnome-shell-extensions 47.4 out gnome-shell
gnome-tweaks 46.1 out gtk4,libadwaita,python3,gnome-desktop,gsettings-desktop-schemas,libgudev,pygobject3
pygobject3 python3.12-pygobject 3.50.0 out,dev,dist gobject-introspection,python3,pycairo3
pycairo3 python3.12-pycairo 1.27.0 out,dev,dist cairo,python3
dconf-editor 45.0.1 out gtk3,libhandy,dconf,libxml2
zenity 4.0.5 out gtk4,libadwaita,webkitgtk_6_0,yelp-tools
yelp-tools 42.1 out python3,libxml2,libxslt,itstool,yelp-xsl
itstool 2.0.7 out python3,libxml2
epiphany 47.3 out gtk4,libadwaita,webkitgtk_6_0,libsoup_3,json-glib,nettle,libsecret,gcr_4,libportal,gsettings-desktop-schemas,iso-codes,libarchive,gst-plugins-base,gst-plugins-good,gst-plugins-bad,gst-libav
geary 46.0 out gtk3,libhandy,webkitgtk_4_1,evolution-data-server,gnome-online-accounts,gmime3,libsecret,libgee,gspell,folks,iso-codes,libpeas,libstemmer,libunwind,libytnef,sqlite,gsound,enchant,json-glib
gmime3 gmime 3.2.15 out,dev gpgme,libidn2,zlib
gspell 1.14.0 out,dev gtk3,enchant,icu4c
libytnef 2.1.2 out
simple-scan 47.1 out gtk4,libadwaita,sane-backends,colord,libgusb,packagekit,libwebp,zlib
packagekit 1.3.0 out,dev,man polkit,sqlite,systemd,bash-completion,libxslt
gnome-remote-desktop 47.3 out freerdp,pipewire,libsecret,libnotify,systemd,libepoxy,libdrm,mesa,fuse3,tpm2-tss,libfdk-aac,opus-tools,libei,libva,nv-codec-headers-12
libfdk-aac fdk-aac 2.0.3 out,dev
opus-tools 0.2 out flac,libogg,libopus,opusfile,libopusenc
opusfile 0.12 out,dev libogg,libopus,openssl
libopusenc 0.2.1 out,dev libopus
nv-codec-headers-12 nv-codec-headers 12.2.72.0 out
gnome-backgrounds 47.0 out
adwaita-fonts 48.2 out
cantarell-fonts 0.303.1 out
`,
};

/** R packages (attrs r.*, pnames r-*), reached through the R wrapper. */
export const rFamily: FamilySpec = {
  key: 'r',
  pnamePrefix: 'r-',
  baseDeps: ['R'],
  demoCount: 0,
  sizeKiB: [40, 6000],
  randomDeps: 2,
  systemPackages: false,
  rows: `
rlang 1.1.5
cli 3.6.4
glue 1.8.0
lifecycle 1.0.4 out rlang,cli,glue
vctrs 0.6.5 out rlang,cli,glue,lifecycle
magrittr 2.0.3
R6 2.6.1
pillar 1.10.1 out vctrs,cli,rlang,utf8,fansi
utf8 1.2.4
fansi 1.0.6
pkgconfig 2.0.3
tibble 3.2.1 out pillar,vctrs,rlang,magrittr,pkgconfig
withr 3.0.2
generics 0.1.3
tidyselect 1.2.1 out vctrs,rlang,cli,glue,withr
dplyr 1.1.4 out tibble,tidyselect,generics,R6,vctrs
purrr 1.0.4 out vctrs,rlang,cli,magrittr
stringi 1.8.4 out icu4c
stringr 1.5.1 out stringi,vctrs,glue
cpp11 0.5.2
tidyr 1.3.1 out dplyr,purrr,stringr,cpp11
farver 2.1.2
labeling 0.4.3
RColorBrewer 1.1-3
viridisLite 0.4.2
colorspace 2.1-1
munsell 0.5.1 out colorspace
scales 1.3.0 out farver,labeling,munsell,R6,RColorBrewer,viridisLite
gtable 0.3.6
isoband 0.2.7
MASS 7.3-64
mgcv 1.9-1 out nlme,Matrix
nlme 3.1-167 out lattice
lattice 0.22-6
Matrix 1.7-2 out lattice
ggplot2 3.5.1 out scales,gtable,isoband,MASS,mgcv,tibble,withr,vctrs
digest 0.6.37
jsonlite 1.9.1
base64enc 0.1-3
htmltools 0.5.8.1 out digest,base64enc,rlang,fastmap
fastmap 1.2.0
knitr 1.49 out evaluate,highr,xfun,yaml
evaluate 1.0.3
highr 0.11 out xfun
xfun 0.51
yaml 2.3.10
rmarkdown 2.29 out knitr,htmltools,jsonlite,tinytex,bslib,jquerylib
tinytex 0.55 out xfun
bslib 0.9.0 out htmltools,sass,jquerylib,cachem,memoise,mime
sass 0.4.9 out fs,rappdirs,R6
fs 1.6.5
rappdirs 0.3.3
jquerylib 0.1.4 out htmltools
cachem 1.1.0 out fastmap
memoise 2.0.1 out cachem
mime 0.12
shiny 1.10.0 out httpuv,mime,jsonlite,xtable,htmltools,R6,sourcetools,later,promises,bslib,commonmark
httpuv 1.6.15 out later,promises,Rcpp
later 1.4.1 out Rcpp
promises 1.3.2 out later,Rcpp,magrittr
Rcpp 1.0.14
RcppEigen 0.3.4.0.2 out Rcpp
RcppArmadillo 14.2.3-1 out Rcpp
xtable 1.8-4
sourcetools 0.1.7-1
commonmark 1.9.2
data_table data.table 1.17.0
readr 2.1.5 out vroom,cli,tibble,hms,clipr,crayon
vroom 1.6.5 out bit64,tzdb,hms,tibble
bit 4.5.0.1
bit64 4.6.0-1 out bit
tzdb 0.4.0
hms 1.1.3 out vctrs,pkgconfig
clipr 0.8.0
crayon 1.5.3
readxl 1.4.3 out cellranger,tibble
cellranger 1.1.0 out rematch
rematch 2.0.0
writexl 1.5.1
haven 2.5.4 out forcats,readr,tibble
forcats 1.0.0
lubridate 1.9.4 out timechange,generics
timechange 0.3.0
httr 1.4.7 out curl,jsonlite,mime,openssl,R6
curl 6.2.1 out curl
openssl 2.3.2 out openssl,askpass
askpass 1.2.1 out sys
sys 3.4.3
httr2 1.1.0 out curl,openssl,R6,rlang,cli
xml2 1.3.6 out libxml2
rvest 1.0.4 out xml2,httr,selectr
selectr 0.4-2
DBI 1.2.3
RSQLite 2.3.9 out DBI,plogr,blob,memoise
plogr 0.2.0
blob 1.2.4
dbplyr 2.5.0 out DBI,dplyr,blob
broom 1.0.7 out tidyr,dplyr,generics,purrr
modelr 0.1.11 out broom
tidyverse 2.0.0 out dplyr,ggplot2,tidyr,readr,purrr,tibble,stringr,forcats,lubridate,broom,httr,rvest,readxl,haven,dbplyr,modelr,xml2
devtools 2.4.5 out usethis,remotes,pkgbuild,pkgload,rcmdcheck,roxygen2,testthat
usethis 3.1.0 out gert,gh,fs,rprojroot,whisker
gert 2.1.4 out libgit2,credentials,askpass
credentials 2.0.2 out openssl,sys
gh 1.4.1 out httr2,gitcreds,ini
gitcreds 0.1.2
ini 0.3.1
rprojroot 2.0.4
whisker 0.4.1
remotes 2.5.0
pkgbuild 1.4.6 out callr,desc,processx
pkgload 1.4.0 out desc,rprojroot,pkgbuild
callr 3.7.6 out processx,R6
processx 3.8.6 out ps,R6
ps 1.9.0
desc 1.4.3 out R6,cli
rcmdcheck 1.4.0 out callr,desc,xopen,sessioninfo
xopen 1.0.1 out processx
sessioninfo 1.2.3
roxygen2 7.3.2 out brew,commonmark,knitr,stringr,xml2,cpp11
brew 1.0-10
testthat 3.2.3 out brio,callr,desc,digest,evaluate,praise,waldo,pkgload
brio 1.1.5
praise 1.0.0
waldo 0.6.1 out diffobj,rematch2
diffobj 0.3.5
rematch2 2.1.2
plotly 4.10.4 out ggplot2,htmlwidgets,crosstalk,lazyeval,data_table
htmlwidgets 1.6.4 out htmltools,jsonlite,yaml
crosstalk 1.2.1 out htmltools,jsonlite,lazyeval
lazyeval 0.2.2
sf 1.0-19 out units,classInt,s2,wk,Rcpp
units 0.8-5 out Rcpp
classInt 0.4-11 out e1071
e1071 1.7-16 out proxy,class
proxy 0.4-27
class 7.3-23
s2 1.1.7 out wk,Rcpp,openssl
wk 0.9.4
caret 7.0-1 out ggplot2,lattice,foreach,ModelMetrics,recipes,withr
foreach 1.5.2 out iterators,codetools
iterators 1.0.14
codetools 0.2-20
ModelMetrics 1.2.2.2 out data_table
recipes 1.1.1 out dplyr,generics,hardhat,timeDate,gower
hardhat 1.4.1
timeDate 4041.110
gower 1.0.2
randomForest 4.7-1.2
glmnet 4.1-8 out Matrix,foreach,shape,survival,RcppEigen
shape 1.4.6.1
survival 3.8-3 out Matrix
lme4 1.1-36 out Matrix,nlme,minqa,nloptr,RcppEigen,boot
minqa 1.2.8 out Rcpp
nloptr 2.1.1
boot 1.3-31
zoo 1.8-13 out lattice
xts 0.14.1 out zoo
quantmod 0.4.26 out xts,zoo,TTR,curl,jsonlite
TTR 0.24.4 out xts,zoo
forecast 8.23.0 out ggplot2,zoo,urca,tseries,fracdiff,lmtest,timeDate,RcppArmadillo
urca 1.3-4
tseries 0.10-58 out quadprog,zoo,quantmod
quadprog 1.5-8
fracdiff 1.5-3
lmtest 0.9-40 out zoo
igraph 2.1.4 out Matrix,magrittr,pkgconfig,cli,gmp
gmp 0.7-5 out gmp
`,
};
