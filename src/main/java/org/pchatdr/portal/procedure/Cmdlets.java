package org.pchatdr.portal.procedure;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one list of Lync / Skype for Business cmdlets a generated procedure may name (C-3): each is
 * documented, with the page it comes from. A {@code *-Cs*} word in any script, check, undo, expected
 * result or warning that is not here is a cmdlet the operator cannot run ({@code
 * Get-CsPersistentChatActiveServer} was one); {@code CmdletVocabularyTest} reads every output of every
 * generator against this list. Pages: "PS" = learn.microsoft.com/powershell/module/skypeforbusiness/
 * (source MicrosoftDocs/office-docs-powershell, skype/skype-ps/skype/&lt;Cmdlet&gt;.md).
 */
public final class Cmdlets {

    /** Cmdlet (as Microsoft spells it) → the page that documents it. PowerShell names are case-insensitive. */
    private static final Map<String, String> DOCUMENTED = documented();

    private Cmdlets() {}

    private static Map<String, String> documented() {
        Map<String, String> cmdlets = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        // P-1: the pool's service identity.
        cmdlets.put("Get-CsService", "PS get-csservice");
        // C-3: the Persistent Chat service RTCCHAT on each server, by -Name and -ComputerName.
        cmdlets.put("Get-CsWindowsService", "PS get-cswindowsservice");
        // C-2: quiescing the pool (-Name RTCCHAT -ComputerName <fqdn>).
        cmdlets.put("Stop-CsWindowsService", "PS stop-cswindowsservice");
        cmdlets.put("Start-CsWindowsService", "PS start-cswindowsservice");
        // F-5, B-7.
        cmdlets.put("Get-CsPersistentChatState", "PS get-cspersistentchatstate");
        cmdlets.put("Set-CsPersistentChatState", "PS set-cspersistentchatstate");
        // F-7, B-1, B-6. There is no Get- counterpart (C-3): Topology Builder shows the active servers.
        cmdlets.put("Set-CsPersistentChatActiveServer", "PS set-cspersistentchatactiveserver");
        // M-2, M-6, F-6.
        cmdlets.put("Install-CsMirrorDatabase", "PS install-csmirrordatabase");
        cmdlets.put("Uninstall-CsMirrorDatabase", "PS uninstall-csmirrordatabase");
        // M-5, C-8.
        cmdlets.put("Invoke-CsDatabaseFailover", "PS invoke-csdatabasefailover");
        // -DatabaseType PersistentChat only in Skype for Business Server 2015 (C-3).
        cmdlets.put("Get-CsDatabaseMirrorState", "PS get-csdatabasemirrorstate");
        // C-4: the Central Management store in the surviving site.
        cmdlets.put("Get-CsManagementStoreReplicationStatus", "PS get-csmanagementstorereplicationstatus");
        cmdlets.put("Invoke-CsManagementServerFailover", "PS invoke-csmanagementserverfailover");
        // C-4: the Front End pool failover (Microsoft spells it Invoke-CsPoolFailOver).
        cmdlets.put("Invoke-CsPoolFailover", "PS invoke-cspoolfailover");
        cmdlets.put("Invoke-CsPoolFailback", "PS invoke-cspoolfailback");
        return cmdlets;
    }

    /** Whether {@code cmdlet} is in the list, whatever its letter case. */
    public static boolean isDocumented(String cmdlet) {
        return DOCUMENTED.containsKey(cmdlet);
    }

    /** The page documenting {@code cmdlet}, when it is in the list. */
    public static Optional<String> source(String cmdlet) {
        return Optional.ofNullable(DOCUMENTED.get(cmdlet));
    }

    /** Every cmdlet of the list, in alphabetical order. */
    public static Set<String> all() {
        return Collections.unmodifiableSet(DOCUMENTED.keySet());
    }
}
