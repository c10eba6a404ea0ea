import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { ReportIndexes1764000060000 } from './1764000060000-report-indexes';
import { DocumentFormLayout1764000090000 } from './1764000090000-document-form-layout';
import { Applications1764000100000 } from './1764000100000-applications';
import { ReportRollups1764000400000 } from './1764000400000-report-rollups';
import { ReplicaHeartbeat1764001000000 } from './1764001000000-replica-heartbeat';
import { DocumentWarehouses1796150299400 } from './1796150299400-document-warehouses';
import { LevelValue1796151623889 } from './1796151623889-level-value';
import { StockMinimum1796152704985 } from './1796152704985-stock-minimum';
import { TransferKinds1796153262998 } from './1796153262998-transfer-kinds';
import { ExactIdentities1796153263557 } from './1796153263557-exact-identities';
import { ProductBarcodes1796154507771 } from './1796154507771-product-barcodes';
import { SalePrices1796155622398 } from './1796155622398-sale-prices';
import { UnitCatalog1796156306310 } from './1796156306310-unit-catalog';
import { MaxReservationDays1796161219586 } from './1796161219586-max-reservation-days';
import { WarehouseNumbering1796162001063 } from './1796162001063-warehouse-numbering';
import { LevelReservationVersion1796167108081 } from './1796167108081-level-reservation-version';
import { DocumentDates1796166963462 } from './1796166963462-document-dates';
import { InventoryCount1796172779472 } from './1796172779472-inventory-count';

/** Every migration, in order. New ones are appended here. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  ReportIndexes1764000060000,
  DocumentFormLayout1764000090000,
  Applications1764000100000,
  ReportRollups1764000400000,
  ReplicaHeartbeat1764001000000,
  DocumentWarehouses1796150299400,
  LevelValue1796151623889,
  StockMinimum1796152704985,
  TransferKinds1796153262998,
  ExactIdentities1796153263557,
  ProductBarcodes1796154507771,
  SalePrices1796155622398,
  UnitCatalog1796156306310,
  MaxReservationDays1796161219586,
  WarehouseNumbering1796162001063,
  LevelReservationVersion1796167108081,
  DocumentDates1796166963462,
  InventoryCount1796172779472,
];
