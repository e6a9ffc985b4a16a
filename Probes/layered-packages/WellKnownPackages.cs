namespace Pinger.Probes.LayeredPackages;

/// <summary>
/// The package names the probe may send: packages of Fedora's own repositories that people commonly layer on Fedora
/// CoreOS, Silverblue and their siblings. rpm-ostree's status says which names were requested but not from which
/// repository, so a name typed by the user (an internal <c>acme-agent</c> from a company repository) can only be kept
/// out by sending nothing but names from a fixed list; every other package is counted, never named.
/// </summary>
internal static class WellKnownPackages
{
    /// <summary>The allowed names, in ordinal order; also the field's declared set.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "android-tools", "ansible", "ansible-core", "awscli2", "bash-completion", "bcc-tools", "bind-utils", "bpftrace",
        "btop", "buildah", "cloud-utils-growpart", "cockpit", "cockpit-machines", "cockpit-ostree", "cockpit-podman",
        "cockpit-system", "cri-o", "cri-tools", "distrobox", "dnsmasq", "docker-compose", "emacs", "ethtool", "fail2ban",
        "fastfetch", "firewalld", "fish", "fuse-sshfs", "gcc", "gdb", "git", "gnome-boxes", "gnome-extensions-app",
        "gnome-shell-extension-appindicator", "gnome-tweaks", "gparted", "haproxy", "htop", "hyperv-daemons", "iftop",
        "iotop", "iperf3", "ipmitool", "iproute-tc", "jq", "keepalived", "kernel-devel", "kernel-headers", "kubernetes",
        "kubernetes-client", "kubernetes-kubeadm", "langpacks-en", "libvirt", "libvirt-daemon-kvm", "lldpd", "lm_sensors",
        "make", "mc", "mosh", "mtr", "nano", "ncdu", "neovim", "net-tools", "nfs-utils", "nmap", "nmap-ncat", "nvme-cli",
        "open-vm-tools", "openssl", "pciutils", "perf", "podman-compose", "podman-docker", "powertop", "python3",
        "python3-pip", "qemu-guest-agent", "qemu-kvm", "rsync", "screen", "sg3_utils", "smartmontools", "sos", "strace",
        "stress-ng", "sysstat", "tcpdump", "telnet", "tlp", "tmux", "toolbox", "traceroute", "tree", "tuned", "usbutils",
        "vim-enhanced", "virt-install", "virt-manager", "wget", "wireguard-tools", "wireshark", "zsh",
    ];

    private static readonly HashSet<string> Lookup = new(Names, StringComparer.Ordinal);

    public static bool Contains(string name) => Lookup.Contains(name);
}
