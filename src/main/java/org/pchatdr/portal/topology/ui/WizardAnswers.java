package org.pchatdr.portal.topology.ui;

import org.pchatdr.portal.topology.StretchedPoolTemplate;
import org.pchatdr.portal.topology.Topology.Site;
import org.pchatdr.portal.topology.Topology.SiteLink;
import org.pchatdr.portal.topology.Topology.SqlVersion;

/**
 * What the wizard has been told so far: the mutable bean behind its fields, turned into the
 * immutable {@link StretchedPoolTemplate} once every step is valid.
 */
class WizardAnswers {

    private String deploymentName;
    private String primaryId;
    private String primaryName;
    private String primaryTimeZone;
    private String secondaryId;
    private String secondaryName;
    private String secondaryTimeZone;
    private String poolFqdn;
    private String dnsDomain;
    private SiteLink siteLink;
    private boolean compliance;
    private boolean witness;
    private boolean backupMirror;
    private SqlVersion sqlVersion;
    private String edition;
    private String serviceAccount;
    private String nextHopPoolFqdn;
    private String fileStore;
    private String logShippingShare;
    private String mirroringSeedShare;
    private String copyDestination;
    private Integer partnerPort;
    private Integer witnessPort;
    private Integer rpoMinutes;
    private Integer rtoMinutes;

    /** The template's defaults, with site names in the user's language. */
    WizardAnswers(StretchedPoolTemplate defaults, String primaryName, String secondaryName) {
        deploymentName = defaults.deploymentName();
        primaryId = defaults.primarySite().id();
        this.primaryName = primaryName;
        primaryTimeZone = defaults.primarySite().timeZone();
        secondaryId = defaults.secondarySite().id();
        this.secondaryName = secondaryName;
        secondaryTimeZone = defaults.secondarySite().timeZone();
        poolFqdn = defaults.poolFqdn();
        dnsDomain = defaults.dnsDomain();
        siteLink = defaults.siteLink();
        compliance = defaults.compliance();
        witness = defaults.witness();
        backupMirror = defaults.backupMirror();
        sqlVersion = defaults.sqlVersion();
        edition = defaults.edition();
        serviceAccount = defaults.serviceAccount();
        nextHopPoolFqdn = defaults.nextHopPoolFqdn();
        fileStore = defaults.fileStore();
        logShippingShare = defaults.logShippingShare();
        mirroringSeedShare = defaults.mirroringSeedShare();
        copyDestination = defaults.copyDestination();
        partnerPort = defaults.partnerPort();
        witnessPort = defaults.witnessPort();
        rpoMinutes = defaults.rpoMinutes();
        rtoMinutes = defaults.rtoMinutes();
    }

    StretchedPoolTemplate toTemplate() {
        return new StretchedPoolTemplate(
                deploymentName,
                new Site(primaryId, primaryName, primaryTimeZone),
                new Site(secondaryId, secondaryName, secondaryTimeZone),
                poolFqdn,
                dnsDomain,
                siteLink,
                compliance,
                witness,
                backupMirror,
                sqlVersion,
                edition,
                serviceAccount,
                nextHopPoolFqdn,
                fileStore,
                logShippingShare,
                mirroringSeedShare,
                copyDestination,
                partnerPort,
                witnessPort,
                rpoMinutes,
                rtoMinutes);
    }

    String getDeploymentName() {
        return deploymentName;
    }

    void setDeploymentName(String deploymentName) {
        this.deploymentName = deploymentName;
    }

    String getPrimaryId() {
        return primaryId;
    }

    void setPrimaryId(String primaryId) {
        this.primaryId = primaryId;
    }

    String getPrimaryName() {
        return primaryName;
    }

    void setPrimaryName(String primaryName) {
        this.primaryName = primaryName;
    }

    String getPrimaryTimeZone() {
        return primaryTimeZone;
    }

    void setPrimaryTimeZone(String primaryTimeZone) {
        this.primaryTimeZone = primaryTimeZone;
    }

    String getSecondaryId() {
        return secondaryId;
    }

    void setSecondaryId(String secondaryId) {
        this.secondaryId = secondaryId;
    }

    String getSecondaryName() {
        return secondaryName;
    }

    void setSecondaryName(String secondaryName) {
        this.secondaryName = secondaryName;
    }

    String getSecondaryTimeZone() {
        return secondaryTimeZone;
    }

    void setSecondaryTimeZone(String secondaryTimeZone) {
        this.secondaryTimeZone = secondaryTimeZone;
    }

    String getPoolFqdn() {
        return poolFqdn;
    }

    void setPoolFqdn(String poolFqdn) {
        this.poolFqdn = poolFqdn;
    }

    String getDnsDomain() {
        return dnsDomain;
    }

    void setDnsDomain(String dnsDomain) {
        this.dnsDomain = dnsDomain;
    }

    SiteLink getSiteLink() {
        return siteLink;
    }

    void setSiteLink(SiteLink siteLink) {
        this.siteLink = siteLink;
    }

    boolean isCompliance() {
        return compliance;
    }

    void setCompliance(boolean compliance) {
        this.compliance = compliance;
    }

    boolean isWitness() {
        return witness;
    }

    void setWitness(boolean witness) {
        this.witness = witness;
    }

    boolean isBackupMirror() {
        return backupMirror;
    }

    void setBackupMirror(boolean backupMirror) {
        this.backupMirror = backupMirror;
    }

    SqlVersion getSqlVersion() {
        return sqlVersion;
    }

    void setSqlVersion(SqlVersion sqlVersion) {
        this.sqlVersion = sqlVersion;
    }

    String getEdition() {
        return edition;
    }

    void setEdition(String edition) {
        this.edition = edition;
    }

    String getServiceAccount() {
        return serviceAccount;
    }

    void setServiceAccount(String serviceAccount) {
        this.serviceAccount = serviceAccount;
    }

    String getNextHopPoolFqdn() {
        return nextHopPoolFqdn;
    }

    void setNextHopPoolFqdn(String nextHopPoolFqdn) {
        this.nextHopPoolFqdn = nextHopPoolFqdn;
    }

    String getFileStore() {
        return fileStore;
    }

    void setFileStore(String fileStore) {
        this.fileStore = fileStore;
    }

    String getLogShippingShare() {
        return logShippingShare;
    }

    void setLogShippingShare(String logShippingShare) {
        this.logShippingShare = logShippingShare;
    }

    String getMirroringSeedShare() {
        return mirroringSeedShare;
    }

    void setMirroringSeedShare(String mirroringSeedShare) {
        this.mirroringSeedShare = mirroringSeedShare;
    }

    String getCopyDestination() {
        return copyDestination;
    }

    void setCopyDestination(String copyDestination) {
        this.copyDestination = copyDestination;
    }

    Integer getPartnerPort() {
        return partnerPort;
    }

    void setPartnerPort(Integer partnerPort) {
        this.partnerPort = partnerPort;
    }

    Integer getWitnessPort() {
        return witnessPort;
    }

    void setWitnessPort(Integer witnessPort) {
        this.witnessPort = witnessPort;
    }

    Integer getRpoMinutes() {
        return rpoMinutes;
    }

    void setRpoMinutes(Integer rpoMinutes) {
        this.rpoMinutes = rpoMinutes;
    }

    Integer getRtoMinutes() {
        return rtoMinutes;
    }

    void setRtoMinutes(Integer rtoMinutes) {
        this.rtoMinutes = rtoMinutes;
    }
}
