import { Type } from '@sinclair/typebox';
import type { SchemaOptions, TUnsafe } from '@sinclair/typebox';

/** A string schema limited to a fixed list of words; keeps the words as a TS literal union. */
export function stringEnum<const T extends readonly string[]>(values: T, options: SchemaOptions = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: values });
}

// CBV 2.0 standard vocabularies, written in JSON as bare words (EPCIS 2.0 JSON/JSON-LD binding).

/** CBV 2.0 business steps. */
export const BIZ_STEPS: readonly string[] = [
  'accepting', 'arriving', 'assembling', 'collecting', 'commissioning', 'consigning',
  'creating_class_instance', 'cycle_counting', 'decommissioning', 'departing', 'destroying',
  'disassembling', 'dispensing', 'encoding', 'entering_exiting', 'holding', 'inspecting',
  'installing', 'killing', 'loading', 'other', 'packing', 'picking', 'receiving', 'removing',
  'repackaging', 'repairing', 'replacing', 'reserving', 'retail_selling', 'sampling',
  'sensor_reporting', 'shipping', 'staging_outbound', 'stock_taking', 'stocking', 'storing',
  'transporting', 'unloading', 'unpacking', 'void_shipping',
];

/** CBV 2.0 dispositions. */
export const DISPOSITIONS: readonly string[] = [
  'active', 'available', 'completeness_inferred', 'completeness_verified', 'conformant',
  'container_closed', 'container_open', 'damaged', 'destroyed', 'dispensed', 'disposed', 'encoded',
  'expired', 'in_progress', 'in_transit', 'inactive', 'mismatch_class', 'mismatch_instance',
  'mismatch_quantity', 'needs_replacement', 'no_pedigree_match', 'non_conformant',
  'non_sellable_other', 'partially_dispensed', 'recalled', 'reserved', 'retail_sold', 'returned',
  'sellable_accessible', 'sellable_not_accessible', 'stolen', 'unavailable', 'unknown',
];

/** CBV 2.0 business transaction types. */
export const BIZ_TRANSACTION_TYPES: readonly string[] = [
  'bol', 'cert', 'desadv', 'inv', 'pedigree', 'po', 'poc', 'prodorder', 'recadv', 'rma', 'testprd',
  'testres', 'upevt',
];

/** CBV 2.0 source/destination types. */
export const SOURCE_DEST_TYPES: readonly string[] = ['owning_party', 'possessing_party', 'location'];

/** CBV 2.0 error reasons for an error declaration. */
export const ERROR_REASONS: readonly string[] = ['did_not_occur', 'incorrect_data'];

/** GS1 Web Vocabulary sensor alert types. */
export const SENSOR_ALERT_TYPES: readonly string[] = ['ALARM_CONDITION', 'ERROR_CONDITION'];

/** CBV 2.0 coordinate components of a sensor reading. */
export const COMPONENTS: readonly string[] = [
  'x', 'y', 'z', 'axial_distance', 'azimuth', 'height', 'spherical_radius', 'polar_angle',
  'elevation_angle', 'easting', 'northing', 'latitude', 'longitude', 'altitude',
];

/** GS1 Web Vocabulary measurement types usable in a sensor report (gs1:MeasurementType). */
export const MEASUREMENT_TYPES: readonly string[] = [
  'AbsoluteHumidity', 'AbsorbedDose', 'AbsorbedDoseRate', 'Acceleration', 'Altitude',
  'AmountOfSubstance', 'AmountOfSubstancePerUnitVolume', 'Angle', 'AngularAcceleration',
  'AngularMomentum', 'AngularVelocity', 'Area', 'Capacitance', 'Conductance', 'Conductivity', 'Count',
  'Density', 'Dimensionless', 'DoseEquivalent', 'DoseEquivalentRate', 'DynamicViscosity',
  'ElectricCharge', 'ElectricCurrent', 'ElectricCurrentDensity', 'ElectricFieldStrength', 'Energy',
  'Exposure', 'Force', 'Frequency', 'Illuminance', 'Inductance', 'Irradiance', 'KinematicViscosity',
  'Length', 'LinearMomentum', 'Luminance', 'LuminousFlux', 'LuminousIntensity', 'MagneticFlux',
  'MagneticFluxDensity', 'MagneticVectorPotential', 'Mass', 'MassConcentration', 'MassFlowRate',
  'MassPerAreaTime', 'MemoryCapacity', 'MolalityOfSolute', 'MolarEnergy', 'MolarMass', 'MolarVolume',
  'Power', 'Pressure', 'Radioactivity', 'RadiantFlux', 'RadiantIntensity', 'RelativeHumidity',
  'Resistance', 'Resistivity', 'SolidAngle', 'SpecificVolume', 'Speed', 'SurfaceDensity',
  'SurfaceTension', 'Temperature', 'Time', 'Torque', 'Voltage', 'Volume', 'VolumeFlowRate',
  'VolumeFraction', 'VolumetricFlux', 'Wavenumber',
];

// EPCIS 2.0 JSON binding: a CBV value is written as its bare word; the long forms
// (urn:epcglobal:cbv:… and https://ns.gs1.org/cbv/…) are refused so each value has one spelling.
const NOT_CBV_URI = '^(?!urn:epcglobal:cbv|https?://ns\\.gs1\\.org/cbv/)';
// Measurement types and alert types are GS1 Web Vocabulary terms: bare word, or a URI outside gs1.org/voc.
const NOT_GS1_VOC_URI = '^(?!https?://(?:www\\.)?gs1\\.org/voc/)';

function vocabularyValue(words: readonly string[], notPattern: string, options: SchemaOptions) {
  return Type.Union(
    [stringEnum(words), Type.String({ format: 'uri', pattern: notPattern, description: 'A URI from a private vocabulary' })],
    options,
  );
}

/** A CBV value: one of the standard bare words, or a URI from a private vocabulary (never a CBV URI). */
function cbvValue(words: readonly string[], options: SchemaOptions) {
  return vocabularyValue(words, NOT_CBV_URI, options);
}

/** A GS1 Web Vocabulary value: one of the bare terms, or a URI outside https://gs1.org/voc/. */
function gs1VocValue(words: readonly string[], options: SchemaOptions) {
  return vocabularyValue(words, NOT_GS1_VOC_URI, options);
}

/** CBV business step of an event (bizStep). */
export const BizStepSchema = cbvValue(BIZ_STEPS, {
  title: 'Business step',
  description: 'The business process step during which the event took place: a CBV word such as `receiving`, or a private URI.',
});

/** CBV disposition of the objects after an event. */
export const DispositionSchema = cbvValue(DISPOSITIONS, {
  title: 'Disposition',
  description: 'The business condition of the objects after the event: a CBV word such as `in_transit`, or a private URI.',
});

/** CBV type of a business transaction (po, inv, …). */
export const BizTransactionTypeSchema = cbvValue(BIZ_TRANSACTION_TYPES, {
  title: 'Business transaction type',
  description: 'The kind of business transaction: a CBV word such as `po` (purchase order), or a private URI.',
});

/** CBV type of a source or destination. */
export const SourceDestTypeSchema = cbvValue(SOURCE_DEST_TYPES, {
  title: 'Source/destination type',
  description: 'The role of a source or destination: `owning_party`, `possessing_party`, `location`, or a private URI.',
});

/** CBV reason of an error declaration. */
export const ErrorReasonSchema = cbvValue(ERROR_REASONS, {
  title: 'Error reason',
  description: 'Why an earlier event is declared in error: `did_not_occur`, `incorrect_data`, or a private URI.',
});

/** CBV coordinate component of a sensor value. */
export const ComponentSchema = cbvValue(COMPONENTS, {
  title: 'Component',
  description: 'The coordinate component a sensor value refers to, such as `latitude`, or a private URI.',
});

/** GS1 Web Vocabulary measurement type of a sensor report. */
export const MeasurementTypeSchema = gs1VocValue(MEASUREMENT_TYPES, {
  title: 'Measurement type',
  description: 'What a sensor measured: a GS1 Web Vocabulary term such as `Temperature`, or a URI outside gs1.org/voc.',
});

/** GS1 Web Vocabulary alert type of a sensor report. */
export const SensorAlertTypeSchema = gs1VocValue(SENSOR_ALERT_TYPES, {
  title: 'Sensor alert type',
  description: 'The alert a sensor raised: `ALARM_CONDITION`, `ERROR_CONDITION`, or a URI outside gs1.org/voc.',
});
