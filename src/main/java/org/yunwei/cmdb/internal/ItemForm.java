package org.yunwei.cmdb.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The item form as typed: every value as text, the class's attributes as {@code attributes[code]}. */
public class ItemForm {

	private Long classId;
	private String name;
	private String lifecycle = Lifecycle.IN_USE.name();
	private String assetTag;
	private String serialNumber;
	private String ipAddress;
	private Long customerUnitId;
	private Long providerPartyId;
	private Long ownerUserId;
	private Long custodianUserId;
	private String building;
	private String floor;
	private String room;
	private String rack;
	private String supplier;
	private String purchasedOn;
	private String purchasePrice;
	private String warrantyUntil;
	private String reason;
	private Map<String, String> attributes = new LinkedHashMap<>();

	static ItemForm of(ItemView item) {
		ItemForm form = new ItemForm();
		form.classId = item.classId();
		form.name = item.name();
		form.lifecycle = item.lifecycle().name();
		form.assetTag = item.assetTag();
		form.serialNumber = item.serialNumber();
		form.ipAddress = item.ipAddress();
		form.customerUnitId = item.customerUnitId();
		form.providerPartyId = item.providerPartyId();
		form.ownerUserId = item.ownerUserId();
		form.custodianUserId = item.custodianUserId();
		form.building = item.building();
		form.floor = item.floor();
		form.room = item.room();
		form.rack = item.rack();
		form.supplier = item.supplier();
		form.purchasedOn = item.purchasedOn() == null ? null : item.purchasedOn().toString();
		form.purchasePrice = item.purchasePrice() == null ? null : item.purchasePrice().toPlainString();
		form.warrantyUntil = item.warrantyUntil() == null ? null : item.warrantyUntil().toString();
		item.attributes().forEach((code, value) -> form.attributes.put(code,
				value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString() : String.valueOf(value)));
		return form;
	}

	ItemDraft draft() {
		Map<String, Object> values = new LinkedHashMap<>();
		attributes.forEach((code, value) -> {
			if (value != null && !value.isBlank()) {
				values.put(code, value);
			}
		});
		return new ItemDraft(classId, name, lifecycle, assetTag, serialNumber, ipAddress, customerUnitId,
				providerPartyId, ownerUserId, custodianUserId, building, floor, room, rack, supplier, purchasedOn,
				purchasePrice, warrantyUntil, values, reason);
	}

	public Long getClassId() { return classId; }
	public void setClassId(Long classId) { this.classId = classId; }
	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
	public String getLifecycle() { return lifecycle; }
	public void setLifecycle(String lifecycle) { this.lifecycle = lifecycle; }
	public String getAssetTag() { return assetTag; }
	public void setAssetTag(String assetTag) { this.assetTag = assetTag; }
	public String getSerialNumber() { return serialNumber; }
	public void setSerialNumber(String serialNumber) { this.serialNumber = serialNumber; }
	public String getIpAddress() { return ipAddress; }
	public void setIpAddress(String ipAddress) { this.ipAddress = ipAddress; }
	public Long getCustomerUnitId() { return customerUnitId; }
	public void setCustomerUnitId(Long customerUnitId) { this.customerUnitId = customerUnitId; }
	public Long getProviderPartyId() { return providerPartyId; }
	public void setProviderPartyId(Long providerPartyId) { this.providerPartyId = providerPartyId; }
	public Long getOwnerUserId() { return ownerUserId; }
	public void setOwnerUserId(Long ownerUserId) { this.ownerUserId = ownerUserId; }
	public Long getCustodianUserId() { return custodianUserId; }
	public void setCustodianUserId(Long custodianUserId) { this.custodianUserId = custodianUserId; }
	public String getBuilding() { return building; }
	public void setBuilding(String building) { this.building = building; }
	public String getFloor() { return floor; }
	public void setFloor(String floor) { this.floor = floor; }
	public String getRoom() { return room; }
	public void setRoom(String room) { this.room = room; }
	public String getRack() { return rack; }
	public void setRack(String rack) { this.rack = rack; }
	public String getSupplier() { return supplier; }
	public void setSupplier(String supplier) { this.supplier = supplier; }
	public String getPurchasedOn() { return purchasedOn; }
	public void setPurchasedOn(String purchasedOn) { this.purchasedOn = purchasedOn; }
	public String getPurchasePrice() { return purchasePrice; }
	public void setPurchasePrice(String purchasePrice) { this.purchasePrice = purchasePrice; }
	public String getWarrantyUntil() { return warrantyUntil; }
	public void setWarrantyUntil(String warrantyUntil) { this.warrantyUntil = warrantyUntil; }
	public String getReason() { return reason; }
	public void setReason(String reason) { this.reason = reason; }
	public Map<String, String> getAttributes() { return attributes; }
	public void setAttributes(Map<String, String> attributes) { this.attributes = attributes; }
}
